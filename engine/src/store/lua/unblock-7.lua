--[[
  Unblocks seats: blocked -> free, all or nothing.
  KEYS: 1-7 standard
  ARGV: 1-5 standard, 6 seats "i,j,…"
  Returns: {0, seq} or {code, seats, areas}: EventNotLoaded, SeatOutOfRange, NotBlocked
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
local notBlocked = {}
for _, seat in ipairs(seats) do
  if rawStatus(seat) ~= 3 then notBlocked[#notBlocked + 1] = seat end
end
if #notBlocked > 0 then return fail(E.NotBlocked, notBlocked) end
expireDue({})
for _, seat in ipairs(seats) do setStatus(seat, 0) end
return {0, commit()}
