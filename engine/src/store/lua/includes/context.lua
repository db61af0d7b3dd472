--[[
  The frame every seat-store function shares: its standard keys and arguments, error codes and
  argument parsing.
  KEYS[1..7]: status, meta, owner, expiry, ga, seq, log   (all of one event, one hash slot)
  ARGV[1..5]: key base "<prefix>{ev:<eventId>}:", eventId, change channel, now (ms), log max length
  A hold token has no key of its own: its record lives in the owner hash (see tokens.lua), so
  every key a command touches is one of KEYS.

  The scripts run as one Redis Functions library (see script-loader.ts): this code and every
  helper are created once per library load, not once per call as with EVAL, which was a third of
  a hold's cost. Everything shared lives in the one table S, and helpers are its fields. S
  outlives calls, so S.begin() sets every per-call field at the start of each call (Redis runs
  one function at a time, so no two calls share it).
]]
local S = {}

-- Starts a call: the standard keys and arguments, and empty per-call state (statuses and GA areas
-- this call changed, due tokens not yet read, token records read). Tables most calls never need
-- are made on first use. `batched` is set for the commands of a batch call (see changes.lua).
function S.begin(keys, argv, batched)
  S.statusKey, S.metaKey, S.ownerKey, S.expiryKey = keys[1], keys[2], keys[3], keys[4]
  S.gaKey, S.seqKey, S.logKey = keys[5], keys[6], keys[7]
  S.keyBase, S.eventId, S.channel = argv[1], argv[2], argv[3]
  S.now, S.logMaxLen = tonumber(argv[4]), argv[5]
  S.changed, S.changedOrder, S.changedNames = {}, {}, {}
  S.gaTouched, S.gaOrder, S.dueList, S.dueSet, S.records = nil, nil, nil, nil, nil
  S.batched = batched
end

-- A shared empty list, never written: what a call that has nothing of a kind gets.
S.none = {}

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

-- "3,4,5" -> {3, 4, 5} and the same seats as strings {'3', '4', '5'}. Keys, BITFIELD offsets
-- and log entries are built from the strings: formatting a Lua number as a string (sprintf %.14g)
-- costs more than the Redis command that uses it.
function S.parseSeats(s)
  local out, names = {}, {}
  for x in string.gmatch(s, '[^,]+') do
    out[#out + 1] = tonumber(x)
    names[#names + 1] = x
  end
  return out, names
end

-- A seat status as the string Redis and the log get (see parseSeats).
S.statusName = {[0] = '0', '1', '2', '3'}

-- "floor,2,balcony,1" -> {{'floor', 2}, {'balcony', 1}}
function S.parsePairs(s)
  if s == '' then return S.none end
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
