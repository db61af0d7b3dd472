--[[
  The write phase: every seat or GA change goes through setStatus / gaIncr, and commit() writes
  the statuses (one BITFIELD) and turns the changes into exactly one seq bump, one log entry
  ("seat,status;…" and "area,cap,held,booked;…") and one PUBLISH "<eventId> <seq>". A command
  that changed nothing bumps nothing.
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

function S.currentSeq()
  return tonumber(redis.call('GET', S.seqKey) or '0')
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
  local seq = redis.call('INCR', S.seqKey)
  local seqName = tostring(seq)
  local id, changes = seqName .. '-0', table.concat(parts, ';')
  if not gaOrder then
    redis.call('XADD', S.logKey, 'MAXLEN', '~', S.logMaxLen, id, 'c', changes)
  else
    local gaParts = {}
    for i, area in ipairs(gaOrder) do
      local c, h, b = S.gaRead(area)
      gaParts[i] = area .. ',' .. c .. ',' .. h .. ',' .. b
    end
    redis.call('XADD', S.logKey, 'MAXLEN', '~', S.logMaxLen, id, 'c', changes, 'g', table.concat(gaParts, ';'))
  end
  redis.call('PUBLISH', S.channel, S.eventId .. ' ' .. seqName)
  return seq
end
