--[[
  Runs several holds and releases of one event in one call, each exactly as its own function
  would (its own checks, all or nothing, its own seq and log entry), in order. The store batches
  the calls it is asked for in the same turn of the event loop: one round trip and one script
  run instead of many. The batch writes seq once, logs all its seqs in one log entry and
  publishes its last seq once (listeners read the log from their own last seq, so one
  notification covers all); see changes.lua. The fast commands' writes go out together (one
  BITFIELD, HSET, HDEL, ZADD, ZREM for all of them, see fast.lua), flushed before any command
  that takes the general path and at the end.
  KEYS: 1-7 standard (see context)
  ARGV: 1-5 standard (4, now, unused), then per command: "h", now, then hold's ARGV 6-11 (see
    hold-7.lua), or "r", now, then release's ARGV 6-7
  Returns: {reply of each command}
]]
--- @include "fast"
--- @include "hold"
--- @include "release"

local replies, i, count = {}, 6, #ARGV
local A = {ARGV[1], ARGV[2], ARGV[3], '', ARGV[5]}

-- One command at ARGV[i]: its reply, and where the next command starts.
local function run(i)
  local cmd, now = ARGV[i], tonumber(ARGV[i + 1])
  local reply
  if cmd == 'h' then
    reply = S.fastHold(KEYS, ARGV, i, now)
    if not reply then
      -- The general code reads Redis itself: the fast commands' writes go out first.
      S.fastFlush(KEYS)
      A[4], A[6], A[7], A[8], A[9] = ARGV[i + 1], ARGV[i + 2], ARGV[i + 3], ARGV[i + 4], ARGV[i + 5]
      S.begin(KEYS, A, true)
      reply = S.hold(A)
      S.minExpiry = nil
    end
  else
    reply = S.fastRelease(KEYS, ARGV, i, now)
    if not reply then
      S.fastFlush(KEYS)
      A[4], A[6], A[7], A[8], A[9] = ARGV[i + 1], ARGV[i + 2], ARGV[i + 3], nil, nil
      S.begin(KEYS, A, true)
      reply = S.release(A)
      S.minExpiry = nil
    end
  end
  return reply
end

S.fastBegin()
S.fastPrefetch(KEYS, ARGV, 6)
S.batchBegin()
while i <= count do
  -- A command that raises an error (a Redis error, or a bug) answers that error alone: the
  -- others still get their seqs, log entry and notification.
  local ok, reply = pcall(run, i)
  if not ok then
    S.minExpiry = nil
    reply = {err = type(reply) == 'table' and reply.err or tostring(reply)}
  end
  replies[#replies + 1] = reply
  if ARGV[i] == 'h' then
    i = i + 8
  else
    i = i + 4
  end
end
S.fastFlush(KEYS)
S.batchEnd()
return replies
