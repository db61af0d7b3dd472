--[[
  The write phase: every seat or GA change goes through setStatus / gaIncr, and commit() turns
  them into exactly one seq bump, one log entry ("seat,status;…" and "area,cap,held,booked;…")
  and one PUBLISH "<eventId> <seq>". A command that changed nothing bumps nothing.
]]
local changed, changedOrder, gaTouched, gaOrder = {}, {}, {}, {}

local function setStatus(seat, st)
  redis.call('SETRANGE', statusKey, seat, string.char(st))
  if changed[seat] == nil then changedOrder[#changedOrder + 1] = seat end
  changed[seat] = st
end

local function gaIncr(area, field, delta)
  if delta == 0 then return end
  redis.call('HINCRBY', gaKey, area .. ':' .. field, delta)
  if not gaTouched[area] then
    gaTouched[area] = true
    gaOrder[#gaOrder + 1] = area
  end
end

local function currentSeq()
  return tonumber(redis.call('GET', seqKey) or '0')
end

local function commit()
  if #changedOrder == 0 and #gaOrder == 0 then return currentSeq() end
  local seq = redis.call('INCR', seqKey)
  local parts = {}
  for i, seat in ipairs(changedOrder) do parts[i] = seat .. ',' .. changed[seat] end
  local entry = {'XADD', logKey, 'MAXLEN', '~', logMaxLen, seq .. '-0', 'c', table.concat(parts, ';')}
  if #gaOrder > 0 then
    local gaParts = {}
    for i, area in ipairs(gaOrder) do
      local c, h, b = gaRead(area)
      gaParts[i] = area .. ',' .. c .. ',' .. h .. ',' .. b
    end
    entry[#entry + 1] = 'g'
    entry[#entry + 1] = table.concat(gaParts, ';')
  end
  redis.call(unpack(entry))
  redis.call('PUBLISH', channel, eventId .. ' ' .. seq)
  return seq
end
