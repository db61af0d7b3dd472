--[[
  Sets a live token's expiry to a new time (now + ttl, computed by the caller). No seat changes,
  so no seq bump.
  KEYS: 1-7 standard, 8 hold:<token>, 9 holdga:<token>
  ARGV: 1-5 standard, 6 token, 7 expiresAt (ms)
  Returns: {0, expiresAt} or {code, seats, areas}: EventNotLoaded, HoldNotFound, HoldExpired
]]
--- @include "context"
--- @include "state"

local token = ARGV[6]
if not seatCount() then return fail(E.EventNotLoaded) end
local expiresAt, live = tokenExpiry(token)
if not expiresAt then return fail(E.HoldNotFound) end
if not live then return fail(E.HoldExpired) end
redis.call('ZADD', expiryKey, 'XX', ARGV[7], token)
return {0, tonumber(ARGV[7])}
