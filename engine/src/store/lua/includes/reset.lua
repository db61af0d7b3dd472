--[[ Deletes every key of the event (drop, and before init/restore). ]]
function S.resetEvent()
  -- Per-token keys of the layout before token records (see tokens.lua), should any be left.
  for _, token in ipairs(redis.call('ZRANGE', S.expiryKey, 0, -1)) do
    redis.call('DEL', S.keyBase .. 'hold:' .. token, S.keyBase .. 'holdga:' .. token)
  end
  redis.call('DEL', S.statusKey, S.metaKey, S.ownerKey, S.expiryKey, S.gaKey, S.seqKey, S.logKey)
end
