--[[
  The frame every seat-store script shares: its standard keys and arguments, error codes and
  argument parsing.
  KEYS[1..7]: status, meta, owner, expiry, ga, seq, log   (all of one event, one hash slot)
  ARGV[1..5]: key base "<prefix>{ev:<eventId>}:", eventId, change channel, now (ms), log max length
  Token keys (hold:<token>, holdga:<token>) are built from the key base: they share the event's
  hash tag, so they live in the same slot as KEYS (tokens are only known inside the script when
  expiring or stealing, so they cannot all be declared).

  Everything shared lives in the one table S, and helpers are its fields. Why: a script's helper
  functions are created anew on every call, and each captured local (upvalue) costs a search
  through all captured locals; with one table to capture, the helpers cost ~1 µs per call instead
  of ~10 µs (measured on the hold script).
]]
local S = {
  statusKey = KEYS[1], metaKey = KEYS[2], ownerKey = KEYS[3], expiryKey = KEYS[4],
  gaKey = KEYS[5], seqKey = KEYS[6], logKey = KEYS[7],
  keyBase = ARGV[1], eventId = ARGV[2], channel = ARGV[3],
  now = tonumber(ARGV[4]), logMaxLen = ARGV[5],
  holdPrefix = ARGV[1] .. 'hold:', holdGaPrefix = ARGV[1] .. 'holdga:',
}

-- Mirrors ErrorCode in errors.ts.
local E = {
  SeatsUnavailable = -1, HoldNotFound = -2, HoldExpired = -3, SeatsNotHeld = -4,
  GaUnavailable = -5, NotBooked = -6, NotBlocked = -7, EventNotLoaded = -8,
  SeatOutOfRange = -9, GaAreaUnknown = -10,
}

-- Failure reply: {code, seats, areas}. Nothing has been written when a script returns it.
function S.fail(code, seats, areas)
  return {code, seats or {}, areas or {}}
end

-- The event's seat count, or nil when its keys are gone (EVENT_NOT_LOADED).
function S.seatCount()
  local n = redis.call('HGET', S.metaKey, 'n')
  if not n then return nil end
  return tonumber(n)
end

-- "3,4,5" -> {3, 4, 5}
function S.parseSeats(s)
  local out = {}
  for x in string.gmatch(s, '[^,]+') do out[#out + 1] = tonumber(x) end
  return out
end

-- "floor,2,balcony,1" -> {{'floor', 2}, {'balcony', 1}}
function S.parsePairs(s)
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

function S.outOfRange(seats, n)
  local bad = {}
  for _, seat in ipairs(seats) do
    if seat >= n then bad[#bad + 1] = seat end
  end
  return bad
end

-- SADD/HDEL/HSET/BITFIELD-style commands with many arguments, in chunks of `size` (default
-- 1000; a multiple of the arguments per item) below Lua's unpack limit.
function S.callChunked(cmd, key, list, size)
  size = size or 1000
  for i = 1, #list, size do
    redis.call(cmd, key, unpack(list, i, math.min(i + size - 1, #list)))
  end
end
