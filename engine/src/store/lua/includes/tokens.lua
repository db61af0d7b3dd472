--[[
  Writing hold tokens: a token is hold:<token> (set of seats), holdga:<token> (area -> qty) and
  its member of the expiry zset; owner (seat -> token) points back from each held seat. A token's
  set and the owner hash always change together.
]]

-- Frees everything a token holds and deletes it; appends its freed seats to `released` if given.
-- Returns its GA as a flat {area, qty, ...} list.
function S.dropToken(token, released)
  local hk, gk = S.holdPrefix .. token, S.holdGaPrefix .. token
  local seats = redis.call('SMEMBERS', hk)
  if #seats > 0 then S.callChunked('HDEL', S.ownerKey, seats) end
  for _, s in ipairs(seats) do
    local seat = tonumber(s)
    S.setStatus(seat, 0, s)
    if released then released[#released + 1] = seat end
  end
  local ga = redis.call('HGETALL', gk)
  for i = 1, #ga, 2 do S.gaIncr(ga[i], 'h', -tonumber(ga[i + 1])) end
  redis.call('DEL', hk, gk)
  redis.call('ZREM', S.expiryKey, token)
  return ga
end

-- First step of every successful write: release all due tokens for real (lazy expiry), appending
-- their seats to `released` if given.
function S.expireDue(released)
  local list = S.dueTokenList()
  for _, token in ipairs(list) do S.dropToken(token, released) end
  S.dueList, S.dueSet = S.none, S.none
  return list
end

-- Takes seats out of one token (their new status is set by the caller).
function S.unholdSeats(token, seats)
  S.callChunked('HDEL', S.ownerKey, seats)
  S.callChunked('SREM', S.holdPrefix .. token, seats)
end

-- A token left holding nothing is deleted.
function S.dropIfEmpty(token)
  if redis.call('EXISTS', S.holdPrefix .. token, S.holdGaPrefix .. token) == 0 then
    redis.call('ZREM', S.expiryKey, token)
  end
end
