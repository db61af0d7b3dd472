--[[
  The frame every seat-store script shares: its standard keys and arguments, error codes and
  argument parsing.
  KEYS[1..7]: status, meta, owner, expiry, ga, seq, log   (all of one event, one hash slot)
  ARGV[1..5]: key base "<prefix>{ev:<eventId>}:", eventId, change channel, now (ms), log max length
  Token keys (hold:<token>, holdga:<token>) of other tokens are built from the key base; they
  share the event's hash tag, so they live in the same slot.
]]
local statusKey, metaKey, ownerKey, expiryKey = KEYS[1], KEYS[2], KEYS[3], KEYS[4]
local gaKey, seqKey, logKey = KEYS[5], KEYS[6], KEYS[7]
local keyBase, eventId, channel = ARGV[1], ARGV[2], ARGV[3]
local now, logMaxLen = tonumber(ARGV[4]), ARGV[5]

-- Mirrors ErrorCode in errors.ts.
local E = {
  SeatsUnavailable = -1, HoldNotFound = -2, HoldExpired = -3, SeatsNotHeld = -4,
  GaUnavailable = -5, NotBooked = -6, NotBlocked = -7, EventNotLoaded = -8,
  SeatOutOfRange = -9, GaAreaUnknown = -10,
}

-- Failure reply: {code, seats, areas}. Nothing has been written when a script returns it.
local function fail(code, seats, areas)
  return {code, seats or {}, areas or {}}
end

-- The event's seat count, or nil when its keys are gone (EVENT_NOT_LOADED).
local function seatCount()
  local n = redis.call('HGET', metaKey, 'n')
  if not n then return nil end
  return tonumber(n)
end

-- "3,4,5" -> {3, 4, 5}
local function parseSeats(s)
  local out = {}
  for x in string.gmatch(s, '[^,]+') do out[#out + 1] = tonumber(x) end
  return out
end

-- "floor,2,balcony,1" -> {{'floor', 2}, {'balcony', 1}}
local function parsePairs(s)
  local out, key = {}, nil
  for x in string.gmatch(s, '[^,]+') do
    if key then
      out[#out + 1] = {key, tonumber(x)}
      key = nil
    else
      key = x
    end
  end
  return out
end

local function outOfRange(seats, n)
  local bad = {}
  for _, seat in ipairs(seats) do
    if seat >= n then bad[#bad + 1] = seat end
  end
  return bad
end

-- SADD/HDEL-style commands with many members, in chunks below Lua's unpack limit.
local function callChunked(cmd, key, list)
  for i = 1, #list, 1000 do
    redis.call(cmd, key, unpack(list, i, math.min(i + 999, #list)))
  end
end
