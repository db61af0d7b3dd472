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

if not seatCount() then return fail(E.EventNotLoaded) end
local released = {}
local tokens = expireDue(released)
return {0, commit(), tokens, released}
