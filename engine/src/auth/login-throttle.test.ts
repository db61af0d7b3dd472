import { afterEach, describe, expect, it, vi } from 'vitest';
import { createLoginThrottle } from './login-throttle.ts';

afterEach(() => {
  vi.useRealTimers();
});

describe('createLoginThrottle', () => {
  it('locks an email + address out after maxFailures, until the window ends', () => {
    vi.useFakeTimers();
    const throttle = createLoginThrottle({ maxFailures: 2, windowMs: 60_000 });
    throttle.failed('Ada@x.example', '10.0.0.1');
    throttle.check('ada@x.example', '10.0.0.1');
    throttle.failed('ada@x.example', '10.0.0.1');
    expect(() => throttle.check('ADA@x.example', '10.0.0.1')).toThrow(
      expect.objectContaining({ code: 'RATE_LIMITED', details: { retryAfterSeconds: 60 } }),
    );
    // Another address, or another account, is not affected.
    throttle.check('ada@x.example', '10.0.0.2');
    throttle.check('bob@x.example', '10.0.0.1');
    vi.advanceTimersByTime(60_000);
    throttle.check('ada@x.example', '10.0.0.1');
  });

  it('locks out an address that fails for many emails (password spraying)', () => {
    const throttle = createLoginThrottle({ maxFailures: 5, maxFailuresPerAddress: 3 });
    for (const user of ['a', 'b', 'c']) throttle.failed(`${user}@x.example`, '10.0.0.9');
    expect(() => throttle.check('d@x.example', '10.0.0.9')).toThrow(
      expect.objectContaining({ code: 'RATE_LIMITED' }),
    );
    throttle.check('d@x.example', '10.0.0.10');
  });

  it('forgets failures after a successful login', () => {
    const throttle = createLoginThrottle({ maxFailures: 1 });
    throttle.failed('ada@x.example', 'ip');
    throttle.succeeded('ada@x.example', 'ip');
    expect(() => throttle.check('ada@x.example', 'ip')).not.toThrow();
  });

  it('keeps at most maxEntries addresses', () => {
    const throttle = createLoginThrottle({ maxFailures: 1, maxEntries: 2 });
    for (const ip of ['a', 'b', 'c']) throttle.failed('ada@x.example', ip);
    expect(() => throttle.check('ada@x.example', 'a')).not.toThrow();
    expect(() => throttle.check('ada@x.example', 'c')).toThrow();
  });
});
