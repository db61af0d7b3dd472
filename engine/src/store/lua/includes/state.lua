--[[
  Reading state as commands must see it: a token whose expiry <= now is free (lazy expiry),
  even before the write phase releases it for real. Statuses are read and written with one
  BITFIELD (u8 at byte offset "#<seat>") per command rather than one GETRANGE/SETRANGE per seat:
  the same one-byte-per-seat string, far fewer calls.
]]
-- Tokens with expiry <= now as a list and a set, read at most once per call. S.changed holds
-- the statuses this call wrote (seat -> status; S.changedOrder in first-change order).
function S.dueTokens()
  if not S.dueList then S.dueList = redis.call('ZRANGEBYSCORE', S.expiryKey, '-inf', S.now) end
  if not S.dueSet then
    S.dueSet = {}
    for _, token in ipairs(S.dueList) do S.dueSet[token] = true end
  end
  return S.dueList, S.dueSet
end

-- The due tokens as a list only (no set): what the write phase needs.
function S.dueTokenList()
  if not S.dueList then S.dueList = redis.call('ZRANGEBYSCORE', S.expiryKey, '-inf', S.now) end
  return S.dueList
end

-- Raw statuses of seats (this script's own writes included), one BITFIELD_RO per 1000 seats.
-- `names`, the seats as strings, is optional (see parseSeats).
function S.rawStatuses(seats, names)
  local out, slots, args, changed = {}, {}, {}, S.changed
  for i, seat in ipairs(seats) do
    if changed[seat] then
      out[i] = changed[seat]
    else
      local k = #args
      slots[#slots + 1] = i
      args[k + 1], args[k + 2], args[k + 3] = 'GET', 'u8', '#' .. (names and names[i] or seat)
    end
  end
  for c = 1, #args, 3000 do
    local values = redis.call('BITFIELD_RO', S.statusKey, unpack(args, c, math.min(c + 2999, #args)))
    for j, v in ipairs(values) do out[slots[(c - 1) / 3 + j]] = v end
  end
  return out
end

-- Effective statuses (expired holds are free) and, for held seats, their live tokens.
function S.seatStates(seats, names)
  local sts, owners = S.rawStatuses(seats, names), {}
  for i, seat in ipairs(seats) do
    if sts[i] == 1 then
      local owner = redis.call('HGET', S.ownerKey, seat)
      local _, due = S.dueTokens()
      if not owner or due[owner] then
        sts[i] = 0
      else
        owners[i] = owner
      end
    end
  end
  return sts, owners
end

-- Expiry of a token: nil when unknown, else its expiry and whether it is still live.
function S.tokenExpiry(token)
  local r = S.readToken(token)
  if not r then return nil, false end
  return r.e, r.e > S.now
end

-- capacity, held, booked of a GA area (nil when the area is unknown)
function S.gaRead(area)
  local v = redis.call('HMGET', S.gaKey, area .. ':c', area .. ':h', area .. ':b')
  if not v[1] then return nil end
  return tonumber(v[1]), tonumber(v[2]), tonumber(v[3])
end

-- Free GA capacity, counting quantities held by expired tokens as free; nil for unknown areas.
function S.gaFree(area)
  local c, h, b = S.gaRead(area)
  if not c then return nil end
  local due = S.dueTokenList()
  if #due > 0 then
    for _, r in ipairs(S.readTokens(due)) do
      if r then h = h - S.recordGa(r, area) end
    end
  end
  return c - h - b
end

-- Sorted seats (numbers) of a record.
function S.sortedSeats(r)
  local seats = {}
  for i, s in ipairs(r.seats) do seats[i] = tonumber(s) end
  table.sort(seats)
  return seats
end
