--[[
  Holds seats and GA quantities for a token, all or nothing. Adding to a live token extends it
  and resets its expiry; an expired token is released first and starts afresh.
  A: 1-5 standard (see context), 6 token, 7 expiresAt (ms), 8 seats "i,j,…", 9 GA "area,qty,…"
  Returns: {0, seq, 1} for a new token (it holds exactly what was asked), or
    {0, seq, 0, token's seats, token's GA (flat area,qty)} for a token that held more before,
    or {code, seats, areas}: EventNotLoaded, SeatOutOfRange, SeatsUnavailable, GaAreaUnknown,
    GaUnavailable
]]
--- @include "context"
--- @include "state"
--- @include "changes"
--- @include "tokens"

function S.hold(A)
  local token, expiresAt = A[6], A[7]
  local seats, names = S.parseSeats(A[8])
  local ga = S.parsePairs(A[9])

  local n = S.seatCount()
  if not n then return S.fail(E.EventNotLoaded) end
  local bad = S.outOfRange(seats, n)
  if #bad > 0 then return S.fail(E.SeatOutOfRange, bad) end

  local taken, toHold = {}, {}
  local sts, owners = S.seatStates(seats, names)
  for i, seat in ipairs(seats) do
    if sts[i] == 0 then
      toHold[#toHold + 1] = i
    elseif owners[i] ~= token then
      taken[#taken + 1] = seat
    end
  end
  if #taken > 0 then return S.fail(E.SeatsUnavailable, taken) end

  if #ga > 0 then
    local unknown, short = {}, {}
    for _, p in ipairs(ga) do
      local free = S.gaFree(p[1])
      if not free then
        unknown[#unknown + 1] = p[1]
      elseif free < p[2] then
        short[#short + 1] = p[1]
      end
    end
    if #unknown > 0 then return S.fail(E.GaAreaUnknown, {}, unknown) end
    if #short > 0 then return S.fail(E.GaUnavailable, {}, short) end
  end

  S.expireDue()
  local isNew = redis.call('ZADD', S.expiryKey, expiresAt, token) == 1
  -- HSET arguments: seat -> token for each newly held seat, then the token's record.
  local owned = {}
  for k, i in ipairs(toHold) do
    local name = names[i]
    S.setStatus(seats[i], 1, name)
    owned[2 * k - 1], owned[2 * k] = name, token
  end
  local r, record
  if isNew and #toHold == #seats then
    -- The common case: the record is what was asked, as it was sent.
    record = expiresAt .. ';' .. A[8] .. ';' .. A[9]
  else
    -- A new token starts empty even if a record of a half-lost event survived under its name.
    r = not isNew and S.readToken(token) or {seats = {}, ga = {}}
    if r.legacy then
      redis.call('DEL', r.legacy[1], r.legacy[2])
      r.legacy = nil
    end
    r.eName = expiresAt
    for _, i in ipairs(toHold) do r.seats[#r.seats + 1] = names[i] end
    for _, p in ipairs(ga) do S.addRecordGa(r, p[1], p[2]) end
    record = S.encodeRecord(r)
  end
  owned[#owned + 1], owned[#owned + 2] = '~' .. token, record
  S.callChunked('HSET', S.ownerKey, owned)
  for _, p in ipairs(ga) do S.gaIncr(p[1], 'h', p[2]) end
  local seq = S.commit()
  if isNew then return {0, seq, 1} end
  return {0, seq, 0, S.sortedSeats(r), r.ga}
end
