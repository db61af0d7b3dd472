--[[
  Holds seats and GA quantities for a token, all or nothing. Adding to a live token extends its
  set and resets its expiry; an expired token is released first and starts afresh.
  KEYS: 1-7 standard (see context)
  ARGV: 1-5 standard, 6 token, 7 expiresAt (ms), 8 seats "i,j,…", 9 GA "area,qty,…"
  Returns: {0, seq, 1} for a new token (it holds exactly what was asked), or
    {0, seq, 0, token's seats, token's GA (flat area,qty)} for a token that held more before,
    or {code, seats, areas}: EventNotLoaded, SeatOutOfRange, SeatsUnavailable, GaAreaUnknown,
    GaUnavailable
]]
--- @include "context"
--- @include "state"
--- @include "changes"
--- @include "tokens"

local token, expiresAt = ARGV[6], ARGV[7]
local seats, names = S.parseSeats(ARGV[8])
local ga = S.parsePairs(ARGV[9])
local holdKey, holdGaKey = S.holdPrefix .. token, S.holdGaPrefix .. token

local n = S.seatCount()
if not n then return S.fail(E.EventNotLoaded) end
local bad = S.outOfRange(seats, n)
if #bad > 0 then return S.fail(E.SeatOutOfRange, bad) end

local taken, toHold, toHoldNames = {}, {}, {}
local sts, owners = S.seatStates(seats, names)
for i, seat in ipairs(seats) do
  if sts[i] == 0 then
    local k = #toHold + 1
    toHold[k], toHoldNames[k] = seat, names[i]
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
-- A new token starts empty even if keys of a half-lost event survived under its name.
local isNew = redis.call('ZADD', S.expiryKey, expiresAt, token) == 1
if isNew then redis.call('DEL', holdKey, holdGaKey) end
local owned = {}
for i, seat in ipairs(toHold) do
  local name = toHoldNames[i]
  S.setStatus(seat, 1, name)
  owned[2 * i - 1], owned[2 * i] = name, token
end
if #toHold > 0 then
  S.callChunked('HSET', S.ownerKey, owned)
  S.callChunked('SADD', holdKey, toHoldNames)
end
for _, p in ipairs(ga) do
  redis.call('HINCRBY', holdGaKey, p[1], p[2])
  S.gaIncr(p[1], 'h', p[2])
end
local seq = S.commit()
if isNew then return {0, seq, 1} end
local heldSeats, heldGa = S.tokenContents(token)
return {0, seq, 0, heldSeats, heldGa}
