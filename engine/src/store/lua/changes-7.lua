--[[
  Reads the log entries after a seq (read-only). Entry ids are "<seq>-0".
  KEYS: 1-7 standard
  ARGV: 1-5 standard, 6 since seq
  Returns: {0, epoch, seq, reachable 1/0, XRANGE entries}
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
local entries = redis.call('XRANGE', S.logKey, (since + 1) .. '-0', '+')
if #entries == 0 or entries[1][1] ~= (since + 1) .. '-0' then return {0, epoch, seq, 0, {}} end
return {0, epoch, seq, 1, entries}
