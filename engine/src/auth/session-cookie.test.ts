import { describe, expect, it } from 'vitest';
import {
  assertNotCrossSite,
  assertSocketNotCrossSite,
  sessionCookie,
  sessionToken,
} from './session-cookie.ts';

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

describe('assertSocketNotCrossSite', () => {
  const host = 'tickets.example:8080';
  it('lets handshakes from our own pages and from programs through', () => {
    expect(() => assertSocketNotCrossSite({ host })).not.toThrow();
    expect(() =>
      assertSocketNotCrossSite({ host, origin: 'https://tickets.example:8080' }),
    ).not.toThrow();
    expect(() =>
      assertSocketNotCrossSite({
        host,
        origin: 'https://evil.example',
        'x-requested-with': 'parterre',
      }),
    ).not.toThrow();
  });

  it("refuses another site's page", () => {
    for (const origin of ['https://evil.example', 'https://tickets.example:8443', 'null']) {
      expect(() => assertSocketNotCrossSite({ host, origin })).toThrow(
        expect.objectContaining({ code: 'FORBIDDEN' }),
      );
    }
  });
});
