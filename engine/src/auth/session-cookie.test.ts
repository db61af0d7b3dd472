import { describe, expect, it } from 'vitest';
import { assertNotCrossSite, sessionCookie, sessionToken } from './session-cookie.ts';

describe('sessionToken', () => {
  it('finds the session cookie among others', () => {
    expect(sessionToken({ cookie: 'a=1; parterre_session=tok_en; b=2' })).toBe('tok_en');
    expect(sessionToken({ cookie: 'parterre_session=' })).toBeUndefined();
    expect(sessionToken({ cookie: 'xparterre_session=1' })).toBeUndefined();
    expect(sessionToken({})).toBeUndefined();
  });
});

describe('sessionCookie', () => {
  it('is HttpOnly, SameSite=Lax, on every path, and Secure behind https', () => {
    expect(sessionCookie('T', {}, false)).toBe(
      'parterre_session=T; Path=/; HttpOnly; SameSite=Lax; Max-Age=43200',
    );
    expect(sessionCookie('T', { 'x-forwarded-proto': 'https' }, false)).toMatch(/; Secure;/);
    expect(sessionCookie('T', {}, true)).toMatch(/; Secure;/);
    expect(sessionCookie(null, {}, false)).toBe(
      'parterre_session=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0',
    );
  });
});

describe('assertNotCrossSite', () => {
  it('lets reads through and asks changes for the header or a same-origin Origin', () => {
    expect(() => assertNotCrossSite('GET', {})).not.toThrow();
    expect(() => assertNotCrossSite('POST', { 'x-requested-with': 'parterre' })).not.toThrow();
    expect(() =>
      assertNotCrossSite('PUT', { origin: 'https://box.example', host: 'box.example' }),
    ).not.toThrow();
    for (const headers of [
      {},
      { 'x-requested-with': 'XMLHttpRequest' },
      { origin: 'https://evil.example', host: 'box.example' },
      { origin: 'null', host: 'box.example' },
    ]) {
      expect(() => assertNotCrossSite('POST', headers)).toThrow(
        expect.objectContaining({ code: 'FORBIDDEN', status: 403 }),
      );
    }
  });
});
