--[[
  Releases seats of a live token, or all it holds (see includes/release.lua).
  KEYS: 1-7 standard (see context)
  ARGV: 1-5 standard, 6 token, 7 seats "i,j,…" or "*"
]]
--- @include "fast"
--- @include "release"

S.fastBegin()
local reply = S.fastRelease(KEYS, ARGV, 4, S.now)
if reply then
  S.fastFlush(KEYS)
  return reply
end
return S.release(ARGV)
