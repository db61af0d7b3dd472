--[[
  Creates an event's live state; a no-op when it exists (never resets it). Leftover keys of a
  half-lost event are removed first.
  KEYS: 1-7 standard
  ARGV: 1-5 standard, 6 seat count, 7 epoch, 8 GA "area,capacity,…"
  Returns: {0, 1 created / 0 existed}
]]
--- @include "context"
--- @include "reset"

if redis.call('EXISTS', S.metaKey) == 1 then return {0, 0} end
S.resetEvent()
local n = tonumber(ARGV[6])
-- SET of an exact-size string: SETRANGE past the end would double the allocation (sds growth).
if n > 0 then redis.call('SET', S.statusKey, string.rep('\0', n)) end
for _, p in ipairs(S.parsePairs(ARGV[8])) do
  redis.call('HSET', S.gaKey, p[1] .. ':c', p[2], p[1] .. ':h', 0, p[1] .. ':b', 0)
end
redis.call('SET', S.seqKey, 0)
redis.call('HSET', S.metaKey, 'n', n, 'e', ARGV[7])
return {0, 1}
