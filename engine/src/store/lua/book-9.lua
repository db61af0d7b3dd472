--[[
  Books seats and GA quantities.
  - With a token (ARGV[6] ~= ""): each seat must be free or held by that live token; GA comes
    from the token's held quantity first, the rest from free capacity.
  - force (ARGV[7] == "1"): Postgres already recorded the booking, it is the truth: every seat
    becomes booked whatever its state, taken out of whichever token held it; GA may then exceed
    capacity rather than contradict Postgres.
  Booked seats and quantities leave their token; a token left empty is deleted.
  KEYS: 1-7 standard, 8 hold:<token>, 9 holdga:<token>
  ARGV: 1-5 standard, 6 token or "", 7 force "1"/"0", 8 seats "i,j,…", 9 GA "area,qty,…"
  Returns: {0, seq} or {code, seats, areas}: EventNotLoaded, SeatOutOfRange, SeatsUnavailable,
    GaAreaUnknown, GaUnavailable
]]
--- @include "context"
--- @include "state"
--- @include "changes"
--- @include "tokens"

local token, force = ARGV[6], ARGV[7] == '1'
local seats, ga = parseSeats(ARGV[8]), parsePairs(ARGV[9])

local n = seatCount()
if not n then return fail(E.EventNotLoaded) end
local bad = outOfRange(seats, n)
if #bad > 0 then return fail(E.SeatOutOfRange, bad) end
local live = false
if token ~= '' then
  local _, isLive = tokenExpiry(token)
  live = isLive
end

if not force then
  local taken = {}
  for _, seat in ipairs(seats) do
    local st, owner = seatState(seat)
    if not (st == 0 or (st == 1 and live and owner == token)) then taken[#taken + 1] = seat end
  end
  if #taken > 0 then return fail(E.SeatsUnavailable, taken) end
end

local unknown, short, fromToken = {}, {}, {}
for i, p in ipairs(ga) do
  local area, qty = p[1], p[2]
  fromToken[i] = 0
  if live then fromToken[i] = math.min(qty, tonumber(redis.call('HGET', KEYS[9], area) or '0')) end
  local free = gaFree(area)
  if not free then
    unknown[#unknown + 1] = area
  elseif not force and free < qty - fromToken[i] then
    short[#short + 1] = area
  end
end
if #unknown > 0 then return fail(E.GaAreaUnknown, {}, unknown) end
if #short > 0 then return fail(E.GaUnavailable, {}, short) end

expireDue({})
local touched = {}
for _, seat in ipairs(seats) do
  local st, owner = seatState(seat)
  if st ~= 2 then
    if owner then
      unholdSeat(owner, seat)
      touched[owner] = true
    end
    setStatus(seat, 2)
  end
end
for i, p in ipairs(ga) do
  if fromToken[i] > 0 then
    if redis.call('HINCRBY', KEYS[9], p[1], -fromToken[i]) <= 0 then redis.call('HDEL', KEYS[9], p[1]) end
    gaIncr(p[1], 'h', -fromToken[i])
    touched[token] = true
  end
  gaIncr(p[1], 'b', p[2])
end
for owner in pairs(touched) do dropIfEmpty(owner) end
return {0, commit()}
