--[[
  Deletes every key of the event.
  KEYS: 1-7 standard
  ARGV: 1-5 standard
  Returns: {0}
]]
--- @include "context"
--- @include "reset"

S.resetEvent()
return {0}
