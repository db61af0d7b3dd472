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

local seats = S.parseSeats(ARGV[6])
local n = S.seatCount()
if not n then return S.fail(E.EventNotLoaded) end
local bad = S.outOfRange(seats, n)
if #bad > 0 then return S.fail(E.SeatOutOfRange, bad) end
local notBlocked = {}
local sts = S.rawStatuses(seats)
for i, seat in ipairs(seats) do
  if sts[i] ~= 3 then notBlocked[#notBlocked + 1] = seat end
end
if #notBlocked > 0 then return S.fail(E.NotBlocked, notBlocked) end
S.expireDue()
for _, seat in ipairs(seats) do S.setStatus(seat, 0) end
return {0, S.commit()}
