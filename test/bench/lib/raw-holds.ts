// The raw baseline of the hold benchmarks: a minimal Lua hold (GETRANGE check of each seat byte,
// SETRANGE, INCR) and release (SETRANGE, INCR) on one status string. KEYS: status, seq; ARGV: seats.

/** Minimal hold: -1 when a seat is taken, else the new seq. */
export const MIN_HOLD = `
for i = 1, #ARGV do
  if string.byte(redis.call('GETRANGE', KEYS[1], ARGV[i], ARGV[i])) ~= 0 then return -1 end
end
for i = 1, #ARGV do redis.call('SETRANGE', KEYS[1], ARGV[i], '\\1') end
return redis.call('INCR', KEYS[2])`;

/** Minimal release: the new seq. */
export const MIN_RELEASE = `
for i = 1, #ARGV do redis.call('SETRANGE', KEYS[1], ARGV[i], '\\0') end
return redis.call('INCR', KEYS[2])`;
