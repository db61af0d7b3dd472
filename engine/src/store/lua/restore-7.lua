--[[
  Replaces an event's state after data loss with the durable truth from Postgres: status bytes
  (booked/blocked), GA booked quantities, a new epoch; holds are gone and seq restarts at 0.
  KEYS: 1-7 standard
  ARGV: 1-5 standard, 6 seat count, 7 epoch, 8 GA "area,capacity,booked,…", 9 status bytes,
    10 "1" to restore only when the event is absent (a concurrent rebuild already won)
  Returns: {0, 0}
]]
--- @include "context"
--- @include "reset"

if ARGV[10] == '1' and redis.call('EXISTS', S.metaKey) == 1 then return {0, 0} end
S.resetEvent()
local n = tonumber(ARGV[6])
if n > 0 then redis.call('SET', S.statusKey, ARGV[9]) end
local list = {}
for x in string.gmatch(ARGV[8], '[^,]+') do list[#list + 1] = x end
for i = 1, #list, 3 do
  local area = list[i]
  redis.call('HSET', S.gaKey, area .. ':c', list[i + 1], area .. ':h', 0, area .. ':b', list[i + 2])
end
redis.call('SET', S.seqKey, 0)
redis.call('HSET', S.metaKey, 'n', n, 'e', ARGV[7])
redis.call('PUBLISH', S.channel, S.eventId .. ' 0')
return {0, 0}
