--[[
  Releases every token whose expiry <= now and logs the changes (one seq bump if any).
  KEYS: 1-7 standard
  ARGV: 1-5 standard
  Returns: {0, seq, expired tokens, released seats} or {code, seats, areas}: EventNotLoaded
]]
--- @include "context"
--- @include "state"
--- @include "changes"
--- @include "tokens"

if not S.seatCount() then return S.fail(E.EventNotLoaded) end
local released = {}
local tokens = S.expireDue(released)
return {0, S.commit(), tokens, released}
