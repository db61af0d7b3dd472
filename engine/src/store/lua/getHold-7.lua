--[[
  Reads a token's hold (read-only).
  KEYS: 1-7 standard
  ARGV: 1-5 standard, 6 token
  Returns: {0, expiresAt, seats, GA (flat area,qty)}, {0, 0} when the token is unknown or
    expired, or {code, seats, areas}: EventNotLoaded
]]
--- @include "context"
--- @include "state"
--- @include "tokens"

local token = ARGV[6]
if not S.seatCount() then return S.fail(E.EventNotLoaded) end
local r = S.readToken(token)
if not r or r.e <= S.now then return {0, 0} end
return {0, r.e, S.sortedSeats(r), r.ga}
