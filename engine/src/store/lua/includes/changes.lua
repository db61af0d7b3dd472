--[[
  The write phase: every seat or GA change goes through setStatus / gaIncr, and commit() writes
  the statuses (one BITFIELD) and turns the changes into exactly one seq bump, one log entry
  ("seat,status;…" and "area,cap,held,booked;…") and one PUBLISH "<eventId> <seq>". In a batch
  (batch-7.lua) the whole batch writes seq once, logs one entry and publishes its last seq once:
  listeners read the log from their own last seq anyway.
  A command that changed nothing bumps nothing.
]]
-- `name`, the seat as a string, is optional (see parseSeats).
function S.setStatus(seat, st, name)
  if S.changed[seat] == nil then
    local i = #S.changedOrder + 1
    S.changedOrder[i], S.changedNames[i] = seat, name or tostring(seat)
  end
  S.changed[seat] = st
end

function S.gaIncr(area, field, delta)
  if delta == 0 then return end
  redis.call('HINCRBY', S.gaKey, area .. ':' .. field, delta)
  if not S.gaOrder then S.gaTouched, S.gaOrder = {}, {} end
  if not S.gaTouched[area] then
    S.gaTouched[area] = true
    S.gaOrder[#S.gaOrder + 1] = area
  end
end

-- The seq of the last change. In a batch, seqs are counted in S.batchSeqNo and written back by
-- S.batchEnd, so read that first.
function S.currentSeq()
  if S.batched and S.batchSeqNo then return S.batchSeqNo end
  return tonumber(redis.call('GET', S.seqKey) or '0')
end

-- The next seq: INCR, or in a batch the counter (read once, written back by S.batchEnd).
function S.nextSeq()
  if not S.batched then return redis.call('INCR', S.seqKey) end
  local seq = S.batchSeqNo or tonumber(redis.call('GET', S.seqKey) or '0')
  seq = seq + 1
  S.batchSeqNo = seq
  return seq
end

-- Logs one seq's changes: log entry fields "<seq>" = seat changes and, if GA changed,
-- "g<seq>" = GA states. An entry's id is its last seq ("<seq>-0"); outside a batch it holds one
-- seq, a batch's one entry holds all of its seqs (S.batchEnd). Numbers are passed to Redis as
-- they are: Redis formats them faster than Lua does. Then notifies, or leaves that to the batch.
function S.logChange(seq, changes, ga)
  if S.batched then
    local L = S.batchLog
    L[#L + 1], L[#L + 2] = seq, changes
    if ga then L[#L + 1], L[#L + 2] = 'g' .. seq, ga end
    return
  end
  if ga then
    redis.call('XADD', S.logKey, 'MAXLEN', '~', S.logMaxLen, seq, seq, changes, 'g' .. seq, ga)
  else
    redis.call('XADD', S.logKey, 'MAXLEN', '~', S.logMaxLen, seq, seq, changes)
  end
  redis.call('PUBLISH', S.channel, S.eventId .. ' ' .. seq)
end

-- Starts a batch: seqs counted from the stored one, log fields collected for one entry.
function S.batchBegin()
  S.batched, S.batchSeqNo, S.batchLog = true, nil, {}
end

-- Ends a batch: writes back seq, logs every change in one entry, notifies once.
function S.batchEnd()
  local L, seq = S.batchLog, S.batchSeqNo
  S.batched = nil
  if #L == 0 then return end
  redis.call('SET', S.seqKey, seq)
  -- At most 4 fields per command and 64 commands per batch (maxBatch in redis-store.ts): far
  -- below Lua's unpack limit.
  redis.call('XADD', S.logKey, 'MAXLEN', '~', S.logMaxLen, seq, unpack(L))
  redis.call('PUBLISH', S.channel, S.eventId .. ' ' .. seq)
end

function S.commit()
  local order, names, changed = S.changedOrder, S.changedNames, S.changed
  local gaOrder = S.gaOrder
  if #order == 0 and not gaOrder then return S.currentSeq() end
  local parts, sets = {}, {}
  for i, seat in ipairs(order) do
    local name, st, k = names[i], S.statusName[changed[seat]], 4 * (i - 1)
    parts[i] = name .. ',' .. st
    sets[k + 1], sets[k + 2], sets[k + 3], sets[k + 4] = 'SET', 'u8', '#' .. name, st
  end
  S.callChunked('BITFIELD', S.statusKey, sets, 4000)
  local seq, gaStates = S.nextSeq(), nil
  if gaOrder then
    local gaParts = {}
    for i, area in ipairs(gaOrder) do
      local c, h, b = S.gaRead(area)
      gaParts[i] = area .. ',' .. c .. ',' .. h .. ',' .. b
    end
    gaStates = table.concat(gaParts, ';')
  end
  S.logChange(seq, table.concat(parts, ';'), gaStates)
  return seq
end
