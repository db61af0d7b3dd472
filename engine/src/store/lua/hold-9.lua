--[[
  Holds seats and GA quantities for a token, all or nothing. Adding to a live token extends its
  set and resets its expiry; an expired token is released first and starts afresh.
  KEYS: 1-7 standard (see context), 8 hold:<token>, 9 holdga:<token>
  ARGV: 1-5 standard, 6 token, 7 expiresAt (ms), 8 seats "i,j,…", 9 GA "area,qty,…"
  Returns: {0, seq, token's seats, token's GA (flat area,qty)}
    or {code, seats, areas}: EventNotLoaded, SeatOutOfRange, SeatsUnavailable, GaAreaUnknown,
    GaUnavailable
]]
--- @include "context"
--- @include "state"
--- @include "changes"
--- @include "tokens"

local token, expiresAt = ARGV[6], ARGV[7]
local seats, ga = parseSeats(ARGV[8]), parsePairs(ARGV[9])

local n = seatCount()
if not n then return fail(E.EventNotLoaded) end
local bad = outOfRange(seats, n)
if #bad > 0 then return fail(E.SeatOutOfRange, bad) end

local taken, toHold = {}, {}
for _, seat in ipairs(seats) do
  local st, owner = seatState(seat)
  if st == 0 then
    toHold[#toHold + 1] = seat
  elseif owner ~= token then
    taken[#taken + 1] = seat
  end
end
if #taken > 0 then return fail(E.SeatsUnavailable, taken) end

local unknown, short = {}, {}
for _, p in ipairs(ga) do
  local free = gaFree(p[1])
  if not free then
    unknown[#unknown + 1] = p[1]
  elseif free < p[2] then
    short[#short + 1] = p[1]
  end
end
if #unknown > 0 then return fail(E.GaAreaUnknown, {}, unknown) end
if #short > 0 then return fail(E.GaUnavailable, {}, short) end

expireDue({})
-- A new token starts empty even if keys of a half-lost event survived under its name.
if redis.call('ZADD', expiryKey, expiresAt, token) == 1 then redis.call('DEL', KEYS[8], KEYS[9]) end
for _, seat in ipairs(toHold) do
  setStatus(seat, 1)
  redis.call('HSET', ownerKey, seat, token)
end
if #toHold > 0 then callChunked('SADD', KEYS[8], toHold) end
for _, p in ipairs(ga) do
  redis.call('HINCRBY', KEYS[9], p[1], p[2])
  gaIncr(p[1], 'h', p[2])
end
local seq = commit()
local heldSeats, heldGa = tokenContents(token)
return {0, seq, heldSeats, heldGa}
