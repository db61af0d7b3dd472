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
  Returns: {0, seq} or {code, seats, areas}: EventNotLoaded, SeatOutOfRange, SeatsUnavailable,
    GaAreaUnknown, GaUnavailable
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
return {0, S.commit()}
