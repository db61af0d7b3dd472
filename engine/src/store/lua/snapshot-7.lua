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
--- @include "tokens"

if not S.seatCount() then return S.fail(E.EventNotLoaded) end
local dueSeats, dueGa = {}, {}
local due = S.dueTokenList()
if #due > 0 then
  for _, r in ipairs(S.readTokens(due)) do
    if r then
      for _, s in ipairs(r.seats) do dueSeats[#dueSeats + 1] = s end
      for _, v in ipairs(r.ga) do dueGa[#dueGa + 1] = v end
    end
  end
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
