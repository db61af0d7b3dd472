--[[
  Books seats and GA quantities.
  - With a token (ARGV[6] ~= ""): each seat must be free or held by that live token; GA comes
    from the token's held quantity first, the rest from free capacity.
  - force (ARGV[7] == "1"): Postgres already recorded the booking, it is the truth: every seat
    becomes booked whatever its state, taken out of whichever token held it; GA may then exceed
    capacity rather than contradict Postgres.
  Booked seats and quantities leave their token; a token left empty is deleted.
  KEYS: 1-7 standard
  ARGV: 1-5 standard, 6 token or "", 7 force "1"/"0", 8 seats "i,j,…", 9 GA "area,qty,…"
  Returns: {0, seq, soldOut 1/0} or {code, seats, areas}: EventNotLoaded, SeatOutOfRange,
    SeatsUnavailable, GaAreaUnknown, GaUnavailable. soldOut: no free seat is left and every GA
    area is full (due tokens were released first, so nothing expired counts as held).
]]
--- @include "context"
--- @include "state"
--- @include "changes"
--- @include "tokens"

local token, force = ARGV[6], ARGV[7] == '1'
local seats, names = S.parseSeats(ARGV[8])
local ga = S.parsePairs(ARGV[9])

local n = S.seatCount()
if not n then return S.fail(E.EventNotLoaded) end
local bad = S.outOfRange(seats, n)
if #bad > 0 then return S.fail(E.SeatOutOfRange, bad) end
local live, record = false, nil
if token ~= '' then
  local _, isLive = S.tokenExpiry(token)
  live = isLive
  if live then record = S.readToken(token) end
end

if not force then
  local taken = {}
  local sts, owners = S.seatStates(seats, names)
  for i, seat in ipairs(seats) do
    if not (sts[i] == 0 or (sts[i] == 1 and live and owners[i] == token)) then taken[#taken + 1] = seat end
  end
  if #taken > 0 then return S.fail(E.SeatsUnavailable, taken) end
end

local unknown, short, fromToken = {}, {}, {}
for i, p in ipairs(ga) do
  local area, qty = p[1], p[2]
  fromToken[i] = 0
  if record then fromToken[i] = math.min(qty, S.recordGa(record, area)) end
  local free = S.gaFree(area)
  if not free then
    unknown[#unknown + 1] = area
  elseif not force and free < qty - fromToken[i] then
    short[#short + 1] = area
  end
end
if #unknown > 0 then return S.fail(E.GaAreaUnknown, {}, unknown) end
if #short > 0 then return S.fail(E.GaUnavailable, {}, short) end

S.expireDue()
-- Seats booked out of tokens, per token (a set of seat names each).
local gone, touched = {}, {}
local sts, owners = S.seatStates(seats, names)
for i, seat in ipairs(seats) do
  if sts[i] ~= 2 then
    local owner = owners[i]
    if owner then
      if not gone[owner] then
        gone[owner] = {}
        touched[#touched + 1] = owner
      end
      gone[owner][names[i]] = true
    end
    S.setStatus(seat, 2, names[i])
  end
end
for owner, set in pairs(gone) do S.takeSeats(owner, set) end
for i, p in ipairs(ga) do
  if fromToken[i] > 0 then
    S.addRecordGa(record, p[1], -fromToken[i])
    S.gaIncr(p[1], 'h', -fromToken[i])
    if not gone[token] then
      gone[token] = {}
      touched[#touched + 1] = token
    end
  end
  S.gaIncr(p[1], 'b', p[2])
end
for _, owner in ipairs(touched) do S.saveToken(owner) end
local seq = S.commit()
-- Sold out: no free (zero) byte in status (a plain find: C speed, no Lua loop), every GA area full.
local soldOut = 0
if not string.find(redis.call('GET', S.statusKey) or '', '\0', 1, true) then
  soldOut = 1
  local fields, cap, taken = redis.call('HGETALL', S.gaKey), {}, {}
  for j = 1, #fields, 2 do
    local area, part = string.match(fields[j], '^(.*):(%a)$')
    if part == 'c' then
      cap[area] = tonumber(fields[j + 1])
    else
      taken[area] = (taken[area] or 0) + tonumber(fields[j + 1])
    end
  end
  for area, c in pairs(cap) do
    if (taken[area] or 0) < c then soldOut = 0 end
  end
end
return {0, seq, soldOut}
