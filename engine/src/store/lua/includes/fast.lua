--[[
  Fast paths of the two hottest commands, for their common case: a new token holding free seats
  (no GA), and a live token released whole (seats only), with no token due. They have exactly
  the effects the general code (hold.lua, release.lua) has in that case, with a fraction of its
  Lua work: in Redis's Lua every table, string concatenation and number formatting costs about
  as much as a simple Redis command, so these functions build only what they send (no record
  decoding, no per-call state) and write the log entry with one gsub. Each
  returns nil, having written nothing, when its case does not apply; the caller then runs the
  general code. A fast hold answers its seq alone (a bare integer: no reply table to build), a
  fast release the general reply.
  Writes are deferred: fast commands record their net effects (statuses, owner-hash fields,
  expiry scores) in S.W, and S.fastFlush issues them as one BITFIELD, one HDEL, one HSET, one
  ZREM and one ZADD. Their reads consult S.W first, so each command sees the earlier ones'
  effects; the general code reads Redis directly, so the caller flushes before running it. In a
  batch, S.fastPrefetch first reads, in one command each, the statuses of every fast hold's
  seats, whether its token exists, and every whole release's record (S.C, as before the batch:
  valid only while nothing but fast commands wrote, so a flush drops it). A fast command does all
  its reads before it records any write, so one that raises an error has written nothing; and it
  records only writes that cannot fail (seats it read, numeric scores).
  V is ARGV and i the position before a command's own arguments: V[i + 2] is the token, then
  hold: V[i+3] expiresAt, V[i+4] seats "i,j,…", V[i+5] GA, V[i+6] "1" when the store found the
    fast path possible (seats only, at most 250), V[i+7] highest seat
  release: V[i+3] seats or "*"
  KEYS and V[1-5] are the standard ones (see context); S.begin has run for the call or batch.
]]
--- @include "context"

-- Starts a call or batch: no seat count read, no bound on the earliest expiry known, no writes
-- waiting, nothing prefetched.
function S.fastBegin()
  S.fastN, S.minExpiry, S.C = nil, nil, nil
  S.W = {st = {}, h = {}, z = {}, minAdded = math.huge, dirty = false}
end

-- True when no token is due at `now`. S.minExpiry is a lower bound of the earliest expiry
-- (holds only lower it, releases cannot make it wrong); the zset is read when it is not enough,
-- with the expiries of tokens added but not flushed yet.
function S.noneDue(expiryKey, now)
  local m = S.minExpiry
  if m and now < m then return true end
  local first = redis.call('ZRANGE', expiryKey, 0, 0, 'WITHSCORES')
  m = first[2] and tonumber(first[2]) or math.huge
  if S.W.minAdded < m then m = S.W.minAdded end
  S.minExpiry = m
  return now < m
end

-- Bumps seq and logs the entry (see changes.lua).
function S.fastCommit(entry)
  local seq = S.nextSeq()
  S.logChange(seq, entry, nil)
  return seq
end

-- Reads for a batch's fast commands from ARGV[from] on (see batch-7.lua), one command per kind.
-- A read that fails leaves S.C unset: each command then reads for itself (and fails alone).
function S.fastPrefetch(keys, V, from)
  local tokens, reads, names, fields, lists = {}, {}, {}, {}, {}
  local i, count = from, #V
  while i <= count do
    if V[i] == 'h' then
      if V[i + 6] == '1' then
        tokens[#tokens + 1] = V[i + 2]
        local list, k = {}, 0
        for s in string.gmatch(V[i + 4], '[^,]+') do
          local r = #reads
          reads[r + 1], reads[r + 2], reads[r + 3] = 'GET', 'u8', '#' .. s
          names[#names + 1] = s
          k = k + 1
          list[k] = s
        end
        lists[i] = list
      end
      i = i + 8
    else
      if V[i + 3] == '*' then fields[#fields + 1] = '~' .. V[i + 2] end
      i = i + 4
    end
  end
  local C = {st = {}, z = {}, rec = {}, seats = lists}
  if #tokens > 0 then
    -- At most 64 commands per batch: far below Lua's unpack limit.
    local scores = redis.pcall('ZMSCORE', keys[4], unpack(tokens))
    if scores.err then return end
    for j = 1, #tokens do C.z[tokens[j]] = scores[j] and true or false end
    for c = 1, #reads, 3000 do
      local values = redis.pcall('BITFIELD_RO', keys[1], unpack(reads, c, math.min(c + 2999, #reads)))
      if values.err then return end
      local base = (c - 1) / 3
      for j = 1, #values do C.st[names[base + j]] = values[j] end
    end
  end
  if #fields > 0 then
    local records = redis.pcall('HMGET', keys[3], unpack(fields))
    if records.err then return end
    for j = 1, #fields do C.rec[fields[j]] = records[j] or false end
  end
  S.C = C
end

-- Writes what the fast commands recorded in S.W, and forgets S.C (Redis has moved past it).
function S.fastFlush(keys)
  local W = S.W
  S.C = nil
  if not W.dirty then return end
  S.W = {st = {}, h = {}, z = {}, minAdded = math.huge, dirty = false}
  -- Statuses as strings: Redis formats a Lua number argument with sprintf("%.17g").
  local sets, k, name = {}, 0, S.statusName
  for s, v in pairs(W.st) do
    sets[k + 1], sets[k + 2], sets[k + 3], sets[k + 4] = 'SET', 'u8', '#' .. s, name[v]
    k = k + 4
  end
  if k > 0 then S.callChunked('BITFIELD', keys[1], sets, 4000) end
  local hset, hdel = {}, {}
  for f, v in pairs(W.h) do
    if v then
      hset[#hset + 1], hset[#hset + 2] = f, v
    else
      hdel[#hdel + 1] = f
    end
  end
  if #hdel > 0 then S.callChunked('HDEL', keys[3], hdel) end
  if #hset > 0 then S.callChunked('HSET', keys[3], hset) end
  local zadd, zrem = {}, {}
  for token, e in pairs(W.z) do
    if e then
      zadd[#zadd + 1], zadd[#zadd + 2] = e, token
    else
      zrem[#zrem + 1] = token
    end
  end
  if #zrem > 0 then S.callChunked('ZREM', keys[4], zrem) end
  if #zadd > 0 then S.callChunked('ZADD', keys[4], zadd) end
end

-- Whether a token has an expiry (exists): pending writes, then the prefetch, then Redis.
local function tokenKnown(expiryKey, token)
  local z = S.W.z[token]
  if z ~= nil then return z ~= false end
  local C = S.C
  if C then
    z = C.z[token]
    if z ~= nil then return z end
  end
  return redis.call('ZSCORE', expiryKey, token) ~= false
end

-- A field of the owner hash (nil when absent), read the same way.
local function ownerField(ownerKey, field)
  local v = S.W.h[field]
  if v ~= nil then return v or nil end
  local C = S.C
  if C then
    v = C.rec[field]
    if v ~= nil then return v or nil end
  end
  return redis.call('HGET', ownerKey, field) or nil
end

function S.fastHold(keys, V, i, now)
  if V[i + 6] ~= '1' then return nil end
  local n = S.fastN
  if not n then
    n = tonumber(redis.call('HGET', keys[2], 'n') or '-1')
    S.fastN = n
  end
  if tonumber(V[i + 7]) >= n or not S.noneDue(keys[4], now) then return nil end
  local token, expiresAt, csv = V[i + 2], V[i + 3], V[i + 4]
  -- A score ZADD would refuse goes to the general path (and fails there alone).
  local e = tonumber(expiresAt)
  if not e or e ~= e or tokenKnown(keys[4], token) then return nil end
  local W = S.W
  local st, C = W.st, S.C
  local cst = C and C.st
  -- The seats as the prefetch split them, else split here.
  local names = C and C.seats[i]
  if not names then
    names = {}
    for s in string.gmatch(csv, '[^,]+') do names[#names + 1] = s end
  end
  local k, reads = #names, nil
  for j = 1, k do
    local s = names[j]
    local v = st[s]
    if v == nil and cst then v = cst[s] end
    if v == nil then
      if not reads then reads = {} end
      local r = #reads
      reads[r + 1], reads[r + 2], reads[r + 3] = 'GET', 'u8', '#' .. s
    elseif v ~= 0 then
      return nil
    end
  end
  if reads then
    local values = redis.call('BITFIELD_RO', keys[1], unpack(reads))
    for j = 1, #values do
      if values[j] ~= 0 then return nil end
    end
  end
  -- All free, token new: record the writes.
  local h = W.h
  for j = 1, k do
    local s = names[j]
    st[s], h[s] = 1, token
  end
  h['~' .. token] = expiresAt .. ';' .. csv .. ';'
  W.z[token], W.dirty = expiresAt, true
  if e < W.minAdded then W.minAdded = e end
  if e < S.minExpiry then S.minExpiry = e end
  return S.fastCommit(string.gsub(csv, ',', ',1;') .. ',1')
end

function S.fastRelease(keys, V, i, now)
  if V[i + 3] ~= '*' then return nil end
  local token = V[i + 2]
  local field = '~' .. token
  local record = ownerField(keys[3], field)
  if not record then return nil end
  -- "<expiresAt>;<seats>;" : live, and no GA after the last ';'.
  local a = string.find(record, ';', 1, true)
  if string.byte(record, -1) ~= 59 or tonumber(string.sub(record, 1, a - 1)) <= now then return nil end
  if not S.noneDue(keys[4], now) then return nil end
  local csv = string.sub(record, a + 1, -2)
  local fields, k = {}, 0
  for s in string.gmatch(csv, '[^,]+') do
    k = k + 1
    fields[k] = s
  end
  if k == 0 or k > 250 then return nil end
  local W = S.W
  local st, h = W.st, W.h
  for j = 1, k do
    local s = fields[j]
    st[s], h[s] = 0, false
  end
  h[field], W.z[token], W.dirty = false, false, true
  return {0, S.fastCommit(string.gsub(csv, ',', ',0;') .. ',0'), fields, S.none}
end
