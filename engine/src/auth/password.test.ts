import { describe, expect, it } from 'vitest';
import { decoyHash, hashPassword, passwordProblem, verifyPassword } from './password.ts';

// A low cost keeps the suite fast; the parameters travel in the hash, so verify reads them back.
const CHEAP = { N: 1024, r: 8, p: 1 };

describe('hashPassword / verifyPassword', () => {
  it('stores the parameters and a per-hash salt, and verifies only the right password', async () => {
    const a = await hashPassword('correct horse battery', CHEAP);
    const b = await hashPassword('correct horse battery', CHEAP);
    expect(a).toMatch(/^scrypt\$1024\$8\$1\$[A-Za-z0-9_-]{22}\$[A-Za-z0-9_-]{43}$/);
    expect(a).not.toBe(b);
    expect(await verifyPassword('correct horse battery', a)).toBe(true);
    expect(await verifyPassword('correct horse batterY', a)).toBe(false);
  });

  it('uses the default cost when none is given', async () => {
    expect(await hashPassword('correct horse battery')).toMatch(/^scrypt\$32768\$8\$1\$/);
  });

  it('never matches a malformed stored hash or an over-long password', async () => {
    expect(await verifyPassword('anything at all', 'plain-text')).toBe(false);
    expect(await verifyPassword('anything at all', 'scrypt$1024$8$1$$')).toBe(false);
    const stored = await hashPassword('x'.repeat(200), CHEAP);
    expect(await verifyPassword('x'.repeat(201), stored)).toBe(false);
  });

  it('has a decoy hash that no guess matches', async () => {
    expect(await decoyHash()).toBe(await decoyHash());
    expect(await verifyPassword('', await decoyHash())).toBe(false);
  });
});

describe('passwordProblem', () => {
  it('names what is wrong with a new password', () => {
    expect(passwordProblem('short')).toBe('the password must have at least 10 characters');
    expect(passwordProblem('y'.repeat(201))).toBe('the password must have at most 200 characters');
    expect(passwordProblem('ten chars!')).toBeUndefined();
  });
});
