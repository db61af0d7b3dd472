--[[
  Takes one slot of a request's key rate and organisation rate together, or none (GCRA, the
  "virtual scheduling" form of a token bucket; see ../pacer.ts).
  KEYS: 1 the key's counter, 2 the organisation's counter (both under the organisation's hash
    tag, so one Redis Cluster slot); a counter whose period is 0 is not in force and not touched
  ARGV: 1 longest delay (ms), 2 key period (ms, 0: none), 3 key tolerance (ms), 4 organisation
    period (ms, 0: none), 5 organisation tolerance (ms)
  Returns: {1, limit, wait}: admitted after `wait` ms (limit: 0 key, 1 organisation, the one that
    set the wait); {0, limit, wait}: refused, that limit frees a slot in `wait` ms. Numbers travel
    as strings: a Lua number returned as an integer would lose its fraction.
  Time is Redis's own (TIME), so nodes with skewed clocks share one schedule. A counter expires
  once its schedule has passed: absent and past mean the same (a full bucket).
]]
if redis.replicate_commands then redis.replicate_commands() end
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + tonumber(t[2]) / 1000
local maxDelay = tonumber(ARGV[1])
local wait, worst, from = 0, 0, {}
for i = 1, 2 do
  local period = tonumber(ARGV[2 * i])
  if period > 0 then
    local tat = tonumber(redis.call('GET', KEYS[i])) or now
    if tat < now then tat = now end
    from[i] = tat
    local w = tat - tonumber(ARGV[2 * i + 1]) - now
    if w > wait then wait = w; worst = i - 1 end
  end
end
if wait > maxDelay then return {0, worst, tostring(wait)} end
for i = 1, 2 do
  if from[i] then
    local tat = from[i] + tonumber(ARGV[2 * i])
    redis.call('SET', KEYS[i], tostring(tat), 'PX', math.ceil(tat - now) + 1)
  end
end
return {1, worst, tostring(wait)}
