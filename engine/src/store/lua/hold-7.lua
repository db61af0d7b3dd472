--[[
  Holds seats and GA quantities for a token (see includes/hold.lua).
  KEYS: 1-7 standard (see context)
  ARGV: 1-5 standard, 6 token, 7 expiresAt (ms), 8 seats "i,j,…", 9 GA "area,qty,…", 10 "1"
    when the fast path may apply, 11 highest seat (see includes/fast.lua)
  Returns: seq alone (the fast path: a new token holding exactly what was asked), else as
    includes/hold.lua says
]]
--- @include "fast"
--- @include "hold"

S.fastBegin()
local reply = S.fastHold(KEYS, ARGV, 4, S.now)
if reply then
  S.fastFlush(KEYS)
  return reply
end
return S.hold(ARGV)
