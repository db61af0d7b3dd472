--[[
  Releases some seats of a live token, or the whole token (seats and GA) when ARGV[7] is "*".
  KEYS: 1-7 standard, 8 hold:<token>, 9 holdga:<token>
  ARGV: 1-5 standard, 6 token, 7 seats "i,j,…" or "*"
  Returns: {0, seq, released seats, released GA (flat area,qty)}
    or {code, seats, areas}: EventNotLoaded, HoldNotFound, HoldExpired, SeatOutOfRange,
    SeatsNotHeld
]]
--- @include "context"
--- @include "state"
--- @include "changes"
--- @include "tokens"

local token = ARGV[6]
local n = seatCount()
if not n then return fail(E.EventNotLoaded) end
local expiresAt, live = tokenExpiry(token)
if not expiresAt then return fail(E.HoldNotFound) end
if not live then return fail(E.HoldExpired) end

local released, ga = {}, {}
if ARGV[7] == '*' then
  expireDue({})
  ga = dropToken(token, released)
else
  local seats = parseSeats(ARGV[7])
  local bad = outOfRange(seats, n)
  if #bad > 0 then return fail(E.SeatOutOfRange, bad) end
  local notHeld = {}
  for _, seat in ipairs(seats) do
    if redis.call('HGET', ownerKey, seat) ~= token then notHeld[#notHeld + 1] = seat end
  end
  if #notHeld > 0 then return fail(E.SeatsNotHeld, notHeld) end
  expireDue({})
  for _, seat in ipairs(seats) do
    unholdSeat(token, seat)
    setStatus(seat, 0)
    released[#released + 1] = seat
  end
  dropIfEmpty(token)
end
return {0, commit(), released, ga}
