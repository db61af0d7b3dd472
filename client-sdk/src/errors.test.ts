import { describe, expect, it } from 'vitest';
import { LiveError, RateLimitedError, SeatsUnavailableError, fromAckError } from './errors.ts';

describe('fromAckError', () => {
  it('gives the errors apps handle their own classes', () => {
    const taken = fromAckError({ code: 'SEATS_UNAVAILABLE', message: 'taken', seats: ['A-1'] });
    expect(taken).toBeInstanceOf(SeatsUnavailableError);
    expect(taken).toMatchObject({ code: 'SEATS_UNAVAILABLE', seats: ['A-1'] });
    const limited = fromAckError({ code: 'RATE_LIMITED', message: 'slow down', retryAfterMs: 120 });
    expect(limited).toBeInstanceOf(RateLimitedError);
    expect(limited).toMatchObject({ retryAfterMs: 120 });
  });

  it('keeps the code and fields of every other refusal', () => {
    const err = fromAckError({ code: 'VALIDATION_FAILED', message: 'bad', fields: { seats: 'x' } });
    expect(err).toBeInstanceOf(LiveError);
    expect(err).toMatchObject({
      code: 'VALIDATION_FAILED',
      message: 'bad',
      fields: { seats: 'x' },
    });
  });
});
