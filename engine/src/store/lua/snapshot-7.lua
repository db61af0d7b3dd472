--[[
  Reads the whole state (read-only). Expired tokens are not released here; their seats and GA
  quantities are returned so the caller shows them as free.
  KEYS: 1-7 standard
  ARGV: 1-5 standard
  Returns: {0, epoch, seq, status bytes, GA hash (flat field,value), expired tokens' seats,
    expired tokens' GA (flat area,qty)} or {code, seats, areas}: EventNotLoaded
]]
--- @include "context"
--- @include "state"

if not S.seatCount() then return S.fail(E.EventNotLoaded) end
local dueSeats, dueGa = {}, {}
for _, token in ipairs((S.dueTokens())) do
  for _, s in ipairs(redis.call('SMEMBERS', S.holdPrefix .. token)) do dueSeats[#dueSeats + 1] = s end
  for _, v in ipairs(redis.call('HGETALL', S.holdGaPrefix .. token)) do dueGa[#dueGa + 1] = v end
end
return {
  0,
  tonumber(redis.call('HGET', S.metaKey, 'e')),
  tonumber(redis.call('GET', S.seqKey) or '0'),
  redis.call('GET', S.statusKey) or '',
  redis.call('HGETALL', S.gaKey),
  dueSeats,
  dueGa,
}
