--[[
  Cancels bookings: booked seats and GA quantities become free.
  KEYS: 1-7 standard
  ARGV: 1-5 standard, 6 seats "i,j,…", 7 GA "area,qty,…", 8 "1" = force (Postgres already
    cancelled: free what is booked, clamp GA at what is booked, never refuse for NotBooked)
  Returns: {0, seq} or {code, seats, areas}: EventNotLoaded, SeatOutOfRange, GaAreaUnknown,
    NotBooked (naming the seats / areas that are not booked)
]]
--- @include "context"
--- @include "state"
--- @include "changes"
--- @include "tokens"

local seats, ga = S.parseSeats(ARGV[6]), S.parsePairs(ARGV[7])
local force = ARGV[8] == '1'
local n = S.seatCount()
if not n then return S.fail(E.EventNotLoaded) end
local bad = S.outOfRange(seats, n)
if #bad > 0 then return S.fail(E.SeatOutOfRange, bad) end
local notBooked, unknown, short = {}, {}, {}
local sts = S.rawStatuses(seats)
local toFree = {}
for i, seat in ipairs(seats) do
  if sts[i] == 2 then toFree[#toFree + 1] = seat else notBooked[#notBooked + 1] = seat end
end
for _, p in ipairs(ga) do
  local c, _, b = S.gaRead(p[1])
  if not c then
    unknown[#unknown + 1] = p[1]
  elseif b < p[2] then
    short[#short + 1] = p[1]
    if force then p[2] = b end
  end
end
if #unknown > 0 then return S.fail(E.GaAreaUnknown, {}, unknown) end
if not force and (#notBooked > 0 or #short > 0) then
  return S.fail(E.NotBooked, notBooked, short)
end

S.expireDue()
for _, seat in ipairs(toFree) do S.setStatus(seat, 0) end
for _, p in ipairs(ga) do
  if p[2] > 0 then S.gaIncr(p[1], 'b', -p[2]) end
end
return {0, S.commit()}
