import { describe, expect, it } from 'vitest';
import { DbUnavailable, UniqueViolation } from './errors.ts';
import { mapDbError } from './map-error.ts';

const driverError = (message: string, fields: Record<string, unknown>) =>
  Object.assign(new Error(message), fields);

describe('mapDbError', () => {
  it('turns 23505 into UniqueViolation naming the constraint', () => {
    const err = mapDbError(
      driverError('dup', { code: '23505', constraint: 'booking_seats_live_seat' }),
    );
    expect(err).toBeInstanceOf(UniqueViolation);
    expect((err as UniqueViolation).constraint).toBe('booking_seats_live_seat');
  });

  it.each([
    ['a refused socket', { code: 'ECONNREFUSED' }, 'connect ECONNREFUSED 127.0.0.1:5432'],
    ['an admin shutdown', { code: '57P01' }, 'terminating connection due to administrator command'],
    ['a connection exception class', { code: '08006' }, 'connection failure'],
    ['a dropped connection', {}, 'Connection terminated unexpectedly'],
    ['a pool timeout', {}, 'timeout exceeded when trying to connect'],
  ])('turns %s into DbUnavailable', (_, fields, message) => {
    expect(mapDbError(driverError(message, fields))).toBeInstanceOf(DbUnavailable);
  });

  it('leaves other errors unchanged', () => {
    const syntax = driverError('syntax error at or near "SELEC"', { code: '42601' });
    expect(mapDbError(syntax)).toBe(syntax);
    expect(mapDbError('not an error')).toBe('not an error');
  });
});
