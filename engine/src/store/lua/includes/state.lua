--[[
  Reading state as commands must see it: a token whose expiry <= now is free (lazy expiry),
  even before the write phase releases it for real.
]]
local holdPrefix, holdGaPrefix = keyBase .. 'hold:', keyBase .. 'holdga:'

local dueList, dueSet -- tokens with expiry <= now, read at most once per script

local function dueTokens()
  if not dueList then
    dueList = redis.call('ZRANGEBYSCORE', expiryKey, '-inf', now)
    dueSet = {}
    for _, token in ipairs(dueList) do dueSet[token] = true end
  end
  return dueList, dueSet
end

local function rawStatus(seat)
  return string.byte(redis.call('GETRANGE', statusKey, seat, seat)) or 0
end

-- Effective status and, for a held seat, its live token.
local function seatState(seat)
  local st = rawStatus(seat)
  if st ~= 1 then return st, nil end
  local owner = redis.call('HGET', ownerKey, seat)
  if not owner then return 0, nil end
  local _, due = dueTokens()
  if due[owner] then return 0, nil end
  return 1, owner
end

-- Expiry of a token: nil when unknown, else its expiry and whether it is still live.
local function tokenExpiry(token)
  local e = redis.call('ZSCORE', expiryKey, token)
  if not e then return nil, false end
  e = tonumber(e)
  return e, e > now
end

-- capacity, held, booked of a GA area (nil when the area is unknown)
local function gaRead(area)
  local v = redis.call('HMGET', gaKey, area .. ':c', area .. ':h', area .. ':b')
  if not v[1] then return nil end
  return tonumber(v[1]), tonumber(v[2]), tonumber(v[3])
end

-- Free GA capacity, counting quantities held by expired tokens as free; nil for unknown areas.
local function gaFree(area)
  local c, h, b = gaRead(area)
  if not c then return nil end
  for _, token in ipairs((dueTokens())) do
    local q = redis.call('HGET', holdGaPrefix .. token, area)
    if q then h = h - tonumber(q) end
  end
  return c - h - b
end

-- Sorted seats and flat {area, qty, ...} GA of a token.
local function tokenContents(token)
  local seats = redis.call('SMEMBERS', holdPrefix .. token)
  for i, s in ipairs(seats) do seats[i] = tonumber(s) end
  table.sort(seats)
  return seats, redis.call('HGETALL', holdGaPrefix .. token)
end
