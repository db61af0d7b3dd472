--[[ Deletes every key of the event, tokens included (drop, and before init/restore). ]]
function S.resetEvent()
  for _, token in ipairs(redis.call('ZRANGE', S.expiryKey, 0, -1)) do
    redis.call('DEL', S.holdPrefix .. token, S.holdGaPrefix .. token)
  end
  redis.call('DEL', S.statusKey, S.metaKey, S.ownerKey, S.expiryKey, S.gaKey, S.seqKey, S.logKey)
end
