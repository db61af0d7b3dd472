--[[ Deletes every key of the event, tokens included (drop, and before init/restore). ]]
local function resetEvent()
  for _, token in ipairs(redis.call('ZRANGE', expiryKey, 0, -1)) do
    redis.call('DEL', keyBase .. 'hold:' .. token, keyBase .. 'holdga:' .. token)
  end
  redis.call('DEL', statusKey, metaKey, ownerKey, expiryKey, gaKey, seqKey, logKey)
end
