--[[
  Cancels bookings: booked seats and GA quantities become free.
  KEYS: 1-7 standard
  ARGV: 1-5 standard, 6 seats "i,j,…", 7 GA "area,qty,…"
  Returns: {0, seq} or {code, seats, areas}: EventNotLoaded, SeatOutOfRange, GaAreaUnknown,
    NotBooked (naming the seats / areas that are not booked)
]]
--- @include "context"
--- @include "state"
--- @include "changes"
--- @include "tokens"

local seats, ga = parseSeats(ARGV[6]), parsePairs(ARGV[7])
local n = seatCount()
if not n then return fail(E.EventNotLoaded) end
local bad = outOfRange(seats, n)
if #bad > 0 then return fail(E.SeatOutOfRange, bad) end
local notBooked, unknown, short = {}, {}, {}
for _, seat in ipairs(seats) do
  if rawStatus(seat) ~= 2 then notBooked[#notBooked + 1] = seat end
end
for _, p in ipairs(ga) do
  local c, _, b = gaRead(p[1])
  if not c then
    unknown[#unknown + 1] = p[1]
  elseif b < p[2] then
    short[#short + 1] = p[1]
  end
end
if #unknown > 0 then return fail(E.GaAreaUnknown, {}, unknown) end
if #notBooked > 0 or #short > 0 then return fail(E.NotBooked, notBooked, short) end

expireDue({})
for _, seat in ipairs(seats) do setStatus(seat, 0) end
for _, p in ipairs(ga) do gaIncr(p[1], 'b', -p[2]) end
return {0, commit()}
