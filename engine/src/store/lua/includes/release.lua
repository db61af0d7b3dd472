--[[
  Releases some seats of a live token, or the whole token (seats and GA) when A[7] is "*".
  A: 1-5 standard (see context), 6 token, 7 seats "i,j,…" or "*"
  Returns: {0, seq, released seats, released GA (flat area,qty)}
    or {code, seats, areas}: EventNotLoaded, HoldNotFound, HoldExpired, SeatOutOfRange,
    SeatsNotHeld
]]
--- @include "context"
--- @include "state"
--- @include "changes"
--- @include "tokens"

function S.release(A)
  local token = A[6]
  -- A token's record lives in the event's owner hash: a known token means a loaded event.
  local r = S.readToken(token)
  if not r then
    if not S.seatCount() then return S.fail(E.EventNotLoaded) end
    return S.fail(E.HoldNotFound)
  end
  if r.e <= S.now then return S.fail(E.HoldExpired) end

  local released, ga = {}, S.none
  if A[7] == '*' then
    S.expireDue()
    ga = S.dropTokens({token}, released)
  else
    local seats, names = S.parseSeats(A[7])
    local bad = S.outOfRange(seats, S.seatCount() or 0)
    if #bad > 0 then return S.fail(E.SeatOutOfRange, bad) end
    local mine, notHeld = {}, {}
    for _, s in ipairs(r.seats) do mine[s] = true end
    for i, seat in ipairs(seats) do
      if not mine[names[i]] then notHeld[#notHeld + 1] = seat end
    end
    if #notHeld > 0 then return S.fail(E.SeatsNotHeld, notHeld) end
    S.expireDue()
    local gone = {}
    for i, seat in ipairs(seats) do
      gone[names[i]] = true
      S.setStatus(seat, 0, names[i])
      released[#released + 1] = seat
    end
    S.takeSeats(token, gone)
    S.saveToken(token)
  end
  return {0, S.commit(), released, ga}
end
