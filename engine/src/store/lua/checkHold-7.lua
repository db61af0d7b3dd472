--[[
  Verifies (read-only) that a live token holds every given seat and GA quantity: the pre-check
  before a booking is written to Postgres.
  KEYS: 1-7 standard
  ARGV: 1-5 standard, 6 token, 7 seats "i,j,…", 8 GA "area,qty,…"
  Returns: {0} or {code, seats, areas}: EventNotLoaded, HoldNotFound, HoldExpired,
    SeatOutOfRange, SeatsNotHeld
]]
--- @include "context"
--- @include "state"
--- @include "tokens"

local token = ARGV[6]
local seats, names = S.parseSeats(ARGV[7])
local ga = S.parsePairs(ARGV[8])
local n = S.seatCount()
if not n then return S.fail(E.EventNotLoaded) end
local bad = S.outOfRange(seats, n)
if #bad > 0 then return S.fail(E.SeatOutOfRange, bad) end
local r = S.readToken(token)
if not r then return S.fail(E.HoldNotFound) end
if r.e <= S.now then return S.fail(E.HoldExpired) end
local mine, notHeld, areas = {}, {}, {}
for _, s in ipairs(r.seats) do mine[s] = true end
for i, seat in ipairs(seats) do
  if not mine[names[i]] then notHeld[#notHeld + 1] = seat end
end
for _, p in ipairs(ga) do
  if S.recordGa(r, p[1]) < p[2] then areas[#areas + 1] = p[1] end
end
if #notHeld > 0 or #areas > 0 then return S.fail(E.SeatsNotHeld, notHeld, areas) end
return {0}
