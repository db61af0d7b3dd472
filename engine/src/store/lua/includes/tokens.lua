--[[
  Writing hold tokens: a token is hold:<token> (set of seats), holdga:<token> (area -> qty) and
  its member of the expiry zset; owner (seat -> token) points back from each held seat.
]]

-- Frees everything a token holds and deletes it; appends its freed seats to `released`.
local function dropToken(token, released)
  local hk = holdPrefix .. token
  for _, s in ipairs(redis.call('SMEMBERS', hk)) do
    if redis.call('HGET', ownerKey, s) == token then
      redis.call('HDEL', ownerKey, s)
      setStatus(tonumber(s), 0)
      released[#released + 1] = tonumber(s)
    end
  end
  local gk = holdGaPrefix .. token
  local ga = redis.call('HGETALL', gk)
  for i = 1, #ga, 2 do gaIncr(ga[i], 'h', -tonumber(ga[i + 1])) end
  redis.call('DEL', hk, gk)
  redis.call('ZREM', expiryKey, token)
  return ga
end

-- First step of every successful write: release all due tokens for real (lazy expiry).
local function expireDue(released)
  local list = dueTokens()
  for _, token in ipairs(list) do dropToken(token, released) end
  dueList, dueSet = {}, {}
  return list
end

-- Takes one seat out of the token that holds it (the seat's new status is set by the caller).
local function unholdSeat(token, seat)
  redis.call('HDEL', ownerKey, seat)
  redis.call('SREM', holdPrefix .. token, seat)
end

-- A token left holding nothing is deleted.
local function dropIfEmpty(token)
  if redis.call('EXISTS', holdPrefix .. token, holdGaPrefix .. token) == 0 then
    redis.call('ZREM', expiryKey, token)
  end
end
