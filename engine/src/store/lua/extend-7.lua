--[[
  Sets a live token's expiry to a new time (now + ttl, computed by the caller). No seat changes,
  so no seq bump.
  KEYS: 1-7 standard
  ARGV: 1-5 standard, 6 token, 7 expiresAt (ms)
  Returns: {0, expiresAt} or {code, seats, areas}: EventNotLoaded, HoldNotFound, HoldExpired
]]
--- @include "context"
--- @include "state"
--- @include "tokens"

local token = ARGV[6]
if not S.seatCount() then return S.fail(E.EventNotLoaded) end
local expiresAt, live = S.tokenExpiry(token)
if not expiresAt then return S.fail(E.HoldNotFound) end
if not live then return S.fail(E.HoldExpired) end
redis.call('ZADD', S.expiryKey, 'XX', ARGV[7], token)
S.readToken(token).eName = ARGV[7]
S.saveToken(token)
return {0, tonumber(ARGV[7])}
