--[[
  Releases some seats of a live token, or the whole token (seats and GA) when ARGV[7] is "*".
  KEYS: 1-7 standard
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
local n = S.seatCount()
if not n then return S.fail(E.EventNotLoaded) end
local expiresAt, live = S.tokenExpiry(token)
if not expiresAt then return S.fail(E.HoldNotFound) end
if not live then return S.fail(E.HoldExpired) end

local released, ga = {}, {}
if ARGV[7] == '*' then
  S.expireDue()
  ga = S.dropToken(token, released)
else
  local seats, names = S.parseSeats(ARGV[7])
  local bad = S.outOfRange(seats, n)
  if #bad > 0 then return S.fail(E.SeatOutOfRange, bad) end
  local notHeld = {}
  for i, seat in ipairs(seats) do
    if redis.call('HGET', S.ownerKey, names[i]) ~= token then notHeld[#notHeld + 1] = seat end
  end
  if #notHeld > 0 then return S.fail(E.SeatsNotHeld, notHeld) end
  S.expireDue()
  S.unholdSeats(token, names)
  for i, seat in ipairs(seats) do
    S.setStatus(seat, 0, names[i])
    released[#released + 1] = seat
  end
  S.dropIfEmpty(token)
end
return {0, S.commit(), released, ga}
