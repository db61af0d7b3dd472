--[[
  Reads the log entries after a seq (read-only). An entry's id is its last seq ("<seq>-0"); its
  fields are "<seq>" = seat changes and "g<seq>" = GA states for each seq it holds, in order (see
  changes.lua; entries written before batches were "c" and "g" of the id's seq).
  KEYS: 1-7 standard
  ARGV: 1-5 standard, 6 since seq
  Returns: {0, epoch, seq, reachable 1/0, XRANGE entries (the first may also hold seqs <= since)}
    or {code, seats, areas}: EventNotLoaded
  reachable is 0 when since is ahead of seq or the log was trimmed past since + 1.
]]
--- @include "context"

if not S.seatCount() then return S.fail(E.EventNotLoaded) end
local since = tonumber(ARGV[6])
local epoch = tonumber(redis.call('HGET', S.metaKey, 'e'))
local seq = tonumber(redis.call('GET', S.seqKey) or '0')
if since > seq then return {0, epoch, seq, 0, {}} end
if since == seq then return {0, epoch, seq, 1, {}} end
local entries = redis.call('XRANGE', S.logKey, since + 1, '+')
if #entries == 0 then return {0, epoch, seq, 0, {}} end
local id, first = entries[1][1], entries[1][2][1]
local firstSeq = first == 'c' and tonumber(string.match(id, '^%d+')) or tonumber(first)
if firstSeq > since + 1 then return {0, epoch, seq, 0, {}} end
return {0, epoch, seq, 1, entries}
