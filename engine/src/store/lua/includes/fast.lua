--[[
  Fast paths of the two hottest commands, for their common case: a new token holding free seats
  (no GA), and a live token released whole (seats only), with no token due. They have exactly
  the effects the general code (hold.lua, release.lua) has in that case, with a fraction of its
  Lua work: in Redis's Lua every table, string concatenation and number formatting costs about
  as much as a simple Redis command, so these functions build only what they send (no record
  decoding, no per-call state) and write the log entry with one gsub. Each
  returns nil, having written nothing, when its case does not apply; the caller then runs the
  general code. A fast hold answers its seq alone (a bare integer: no reply table to build), a
  fast release the general reply.
  V is ARGV and i the position before a command's own arguments: V[i + 2] is the token, then
  hold: V[i+3] expiresAt, V[i+4] seats "i,j,…", V[i+5] GA, V[i+6] "1" when the store found the
    fast path possible (seats only, at most 250), V[i+7] highest seat
  release: V[i+3] seats or "*"
  KEYS and V[1-5] are the standard ones (see context); S.begin has run for the call or batch.
]]
--- @include "context"

-- Starts a call or batch: no seat count read, no bound on the earliest expiry known.
function S.fastBegin()
  S.fastN, S.minExpiry = nil, nil
end

-- True when no token is due at `now`. S.minExpiry is a lower bound of the earliest expiry
-- (holds only lower it, releases cannot make it wrong); the zset is read when it is not enough.
function S.noneDue(expiryKey, now)
  local m = S.minExpiry
  if m and now < m then return true end
  local first = redis.call('ZRANGE', expiryKey, 0, 0, 'WITHSCORES')
  m = first[2] and tonumber(first[2]) or math.huge
  S.minExpiry = m
  return now < m
end

-- Bumps seq and logs the entry (see changes.lua).
function S.fastCommit(entry)
  local seq = S.nextSeq()
  S.logChange(seq, entry, nil)
  return seq
end

-- Sets the seats of a BITFIELD SET list back to `old` (their statuses before it).
local function undoStatuses(statusKey, sets, old)
  for j = 1, #old do sets[4 * j] = old[j] end
  redis.call('BITFIELD', statusKey, unpack(sets))
end

function S.fastHold(keys, V, i, now)
  if V[i + 6] ~= '1' then return nil end
  local n = S.fastN
  if not n then
    n = tonumber(redis.call('HGET', keys[2], 'n') or '-1')
    S.fastN = n
  end
  if tonumber(V[i + 7]) >= n or not S.noneDue(keys[4], now) then return nil end
  local token, csv = V[i + 2], V[i + 4]
  local sets, owned, k = {}, {}, 0
  for s in string.gmatch(csv, '[^,]+') do
    k = k + 1
    sets[4 * k - 3], sets[4 * k - 2], sets[4 * k - 1], sets[4 * k] = 'SET', 'u8', '#' .. s, 1
    owned[2 * k - 1], owned[2 * k] = s, token
  end
  -- Setting the statuses returns the old ones: all free, or undo and take the general path
  -- (nothing ran in between: the script is atomic).
  local old = redis.call('BITFIELD', keys[1], unpack(sets))
  for j = 1, k do
    if old[j] ~= 0 then
      undoStatuses(keys[1], sets, old)
      return nil
    end
  end
  local expiresAt = V[i + 3]
  if redis.call('ZADD', keys[4], 'NX', expiresAt, token) == 0 then
    undoStatuses(keys[1], sets, old)
    return nil
  end
  local e = tonumber(expiresAt)
  if e < S.minExpiry then S.minExpiry = e end
  owned[2 * k + 1], owned[2 * k + 2] = '~' .. token, expiresAt .. ';' .. csv .. ';'
  redis.call('HSET', keys[3], unpack(owned))
  return S.fastCommit(string.gsub(csv, ',', ',1;') .. ',1')
end

function S.fastRelease(keys, V, i, now)
  if V[i + 3] ~= '*' then return nil end
  local token = V[i + 2]
  local field = '~' .. token
  local record = redis.call('HGET', keys[3], field)
  if not record then return nil end
  -- "<expiresAt>;<seats>;" : live, and no GA after the last ';'.
  local a = string.find(record, ';', 1, true)
  if string.byte(record, -1) ~= 59 or tonumber(string.sub(record, 1, a - 1)) <= now then return nil end
  if not S.noneDue(keys[4], now) then return nil end
  local csv = string.sub(record, a + 1, -2)
  local fields, sets, k = {}, {}, 0
  for s in string.gmatch(csv, '[^,]+') do
    k = k + 1
    fields[k] = s
    sets[4 * k - 3], sets[4 * k - 2], sets[4 * k - 1], sets[4 * k] = 'SET', 'u8', '#' .. s, 0
  end
  if k == 0 or k > 250 then return nil end
  fields[k + 1] = field
  redis.call('HDEL', keys[3], unpack(fields))
  fields[k + 1] = nil
  redis.call('ZREM', keys[4], token)
  redis.call('BITFIELD', keys[1], unpack(sets))
  return {0, S.fastCommit(string.gsub(csv, ',', ',0;') .. ',0'), fields, S.none}
end
