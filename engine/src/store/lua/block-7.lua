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

local seats = S.parseSeats(ARGV[6])
local n = S.seatCount()
if not n then return S.fail(E.EventNotLoaded) end
local bad = S.outOfRange(seats, n)
if #bad > 0 then return S.fail(E.SeatOutOfRange, bad) end
local taken = {}
local sts = S.seatStates(seats)
for i, seat in ipairs(seats) do
  if sts[i] ~= 0 then taken[#taken + 1] = seat end
end
if #taken > 0 then return S.fail(E.SeatsUnavailable, taken) end
S.expireDue()
for _, seat in ipairs(seats) do S.setStatus(seat, 3) end
return {0, S.commit()}
