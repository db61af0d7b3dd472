--[[
  Reads a token's hold (read-only).
  KEYS: 1-7 standard, 8 hold:<token>, 9 holdga:<token>
  ARGV: 1-5 standard, 6 token
  Returns: {0, expiresAt, seats, GA (flat area,qty)}, {0, 0} when the token is unknown or
    expired, or {code, seats, areas}: EventNotLoaded
]]
--- @include "context"
--- @include "state"

local token = ARGV[6]
if not seatCount() then return fail(E.EventNotLoaded) end
local expiresAt, live = tokenExpiry(token)
if not live then return {0, 0} end
local seats, ga = tokenContents(token)
return {0, expiresAt, seats, ga}
