--[[
  Blocks free seats (house seats, broken seats), all or nothing.
  KEYS: 1-7 standard
  ARGV: 1-5 standard, 6 seats "i,j,…"
  Returns: {0, seq} or {code, seats, areas}: EventNotLoaded, SeatOutOfRange, SeatsUnavailable
]]
--- @include "context"
--- @include "state"
--- @include "changes"
--- @include "tokens"

local seats = parseSeats(ARGV[6])
local n = seatCount()
if not n then return fail(E.EventNotLoaded) end
local bad = outOfRange(seats, n)
if #bad > 0 then return fail(E.SeatOutOfRange, bad) end
local taken = {}
for _, seat in ipairs(seats) do
  if seatState(seat) ~= 0 then taken[#taken + 1] = seat end
end
if #taken > 0 then return fail(E.SeatsUnavailable, taken) end
expireDue({})
for _, seat in ipairs(seats) do setStatus(seat, 3) end
return {0, commit()}
