--[[
  Hold tokens. A token has no key of its own: its record is one field of the owner hash,
  "~<token>" = "<expiresAt>;<seat>,<seat>,…;<area>,<qty>,…" (seat fields are digits, so the two
  never collide), beside the fields seat -> token of the seats it holds, and its expiry is also its
  score in the expiry zset (what the due-token scan reads). So one HSET writes a hold's seats and
  record, one HDEL drops them, and a token's record, its owner fields and its expiry always change
  together. Records are read at most once per call (S.records) and decoded as
  {e = expiresAt, eName = expiresAt as a string, seats = {seat names}, ga = {area, qty, …}}.
]]

-- A token written by a store from before records (a set hold:<token> of seats and a hash
-- holdga:<token> of GA, expiry only in the zset), read as a record marked legacy, so that such
-- holds are released and expire normally after an upgrade; false when there is no such token.
-- saveToken and dropTokens delete the legacy keys (a saved token gets a record).
function S.legacyRecord(token)
  local e = redis.call('ZSCORE', S.expiryKey, token)
  if not e then return false end
  local hk, gk = S.keyBase .. 'hold:' .. token, S.keyBase .. 'holdga:' .. token
  local seats, ga = redis.call('SMEMBERS', hk), redis.call('HGETALL', gk)
  if #seats == 0 and #ga == 0 then return false end
  return {e = tonumber(e), eName = e, seats = seats, ga = ga, legacy = {hk, gk}}
end

-- "<expiresAt>;<seats>;<ga>" -> record
function S.decodeRecord(v)
  local a = string.find(v, ';', 1, true)
  local b = string.find(v, ';', a + 1, true)
  local seats, ga = {}, {}
  for x in string.gmatch(string.sub(v, a + 1, b - 1), '[^,]+') do seats[#seats + 1] = x end
  for x in string.gmatch(string.sub(v, b + 1), '[^,]+') do ga[#ga + 1] = x end
  local eName = string.sub(v, 1, a - 1)
  return {e = tonumber(eName), eName = eName, seats = seats, ga = ga}
end

function S.encodeRecord(r)
  return r.eName .. ';' .. table.concat(r.seats, ',') .. ';' .. table.concat(r.ga, ',')
end

-- Records of tokens (false for an unknown token), one HMGET for those not read yet.
function S.readTokens(tokens)
  local recs = S.records
  if not recs then
    recs = {}
    S.records = recs
  end
  local out, missing, fields = {}, {}, {}
  for i, token in ipairs(tokens) do
    local r = recs[token]
    if r == nil then
      missing[#missing + 1] = i
      fields[#fields + 1] = '~' .. token
    else
      out[i] = r
    end
  end
  for c = 1, #fields, 1000 do
    local values = redis.call('HMGET', S.ownerKey, unpack(fields, c, math.min(c + 999, #fields)))
    for j = 1, #values do
      local i, v = missing[c + j - 1], values[j]
      local r = v and S.decodeRecord(v) or S.legacyRecord(tokens[i])
      recs[tokens[i]] = r
      out[i] = r
    end
  end
  return out
end

-- A token's record, or nil when the token is unknown.
function S.readToken(token)
  return S.readTokens({token})[1] or nil
end

-- Quantity a record holds of a GA area.
function S.recordGa(r, area)
  local ga = r.ga
  for i = 1, #ga, 2 do
    if ga[i] == area then return tonumber(ga[i + 1]) end
  end
  return 0
end

-- Adds `delta` to a record's quantity of an area (an area left at 0 leaves the record).
function S.addRecordGa(r, area, delta)
  local ga = r.ga
  for i = 1, #ga, 2 do
    if ga[i] == area then
      local q = tonumber(ga[i + 1]) + delta
      if q > 0 then
        ga[i + 1] = tostring(q)
      else
        table.remove(ga, i + 1)
        table.remove(ga, i)
      end
      return
    end
  end
  if delta > 0 then
    ga[#ga + 1], ga[#ga + 2] = area, tostring(delta)
  end
end

-- Frees everything the tokens hold and deletes them; appends their freed seats to `released` if
-- given. Returns their GA as one flat {area, qty, ...} list.
function S.dropTokens(tokens, released)
  if #tokens == 0 then return S.none end
  local recs, fields, gaAll = S.readTokens(tokens), {}, {}
  for i, token in ipairs(tokens) do
    local r = recs[i]
    if r then
      for _, s in ipairs(r.seats) do
        local seat = tonumber(s)
        fields[#fields + 1] = s
        S.setStatus(seat, 0, s)
        if released then released[#released + 1] = seat end
      end
      local ga = r.ga
      for j = 1, #ga, 2 do
        S.gaIncr(ga[j], 'h', -tonumber(ga[j + 1]))
        gaAll[#gaAll + 1], gaAll[#gaAll + 2] = ga[j], ga[j + 1]
      end
    end
    fields[#fields + 1] = '~' .. token
    S.records[token] = false
    if r and r.legacy then redis.call('DEL', r.legacy[1], r.legacy[2]) end
  end
  S.callChunked('HDEL', S.ownerKey, fields)
  S.callChunked('ZREM', S.expiryKey, tokens)
  return gaAll
end

-- First step of every successful write: release all due tokens for real (lazy expiry), appending
-- their seats to `released` if given.
function S.expireDue(released)
  local list = S.dueTokenList()
  if #list > 0 then S.dropTokens(list, released) end
  S.dueList, S.dueSet = S.none, S.none
  return list
end

-- Takes seats (a set of seat names) out of a token's record and drops their owner fields; the
-- record is written back by saveToken.
function S.takeSeats(token, gone)
  local r = S.readToken(token)
  local fields = {}
  if r then
    local keep = {}
    for _, s in ipairs(r.seats) do
      if gone[s] then fields[#fields + 1] = s else keep[#keep + 1] = s end
    end
    r.seats = keep
  else
    for s in pairs(gone) do fields[#fields + 1] = s end
  end
  if #fields > 0 then S.callChunked('HDEL', S.ownerKey, fields) end
end

-- Writes a changed record back; a token left holding nothing is deleted.
function S.saveToken(token)
  local r = S.readToken(token)
  if not r then return end
  if r.legacy then
    redis.call('DEL', r.legacy[1], r.legacy[2])
    r.legacy = nil
  end
  if #r.seats == 0 and #r.ga == 0 then
    redis.call('HDEL', S.ownerKey, '~' .. token)
    redis.call('ZREM', S.expiryKey, token)
    S.records[token] = false
  else
    redis.call('HSET', S.ownerKey, '~' .. token, S.encodeRecord(r))
  end
end
