// Staff passwords. Unlike API keys (32 random bytes, see repo.ts) passwords are low-entropy, so
// they get a deliberately slow, memory-hard hash: scrypt from node:crypto, a per-user random salt,
// and the cost parameters stored inside the hash string so they can be raised later without
// invalidating existing hashes.
import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

/** scrypt cost: N = 2^15, r = 8, p = 1 (about 32 MiB and some tens of ms per hash). */
const DEFAULT_PARAMS = { N: 32768, r: 8, p: 1 } as const;
const KEY_LENGTH = 32;
const SALT_BYTES = 16;
const FORMAT = /^scrypt\$(\d+)\$(\d+)\$(\d+)\$([A-Za-z0-9_-]+)\$([A-Za-z0-9_-]+)$/;
/** Shortest password accepted: a short one is guessed, however slow the hash. */
export const MIN_PASSWORD_LENGTH = 10;
/** Longest: scrypt reads all of it, so an unbounded one is a denial-of-service lever. */
export const MAX_PASSWORD_LENGTH = 200;

function derive(password: string, salt: Buffer, length: number, opts: ScryptOptions) {
  return new Promise<Buffer>((resolve, reject) => {
    // maxmem must exceed 128·N·r, which is 32 MiB at the default cost: allow twice that.
    scrypt(password, salt, length, { ...opts, maxmem: 256 * opts.N! * opts.r! }, (err, key) =>
      err ? reject(err) : resolve(key),
    );
  });
}

/**
 * Why a new password is not acceptable, or undefined when it is.
 * @example passwordProblem('short') // 'the password must have at least 10 characters'
 */
export function passwordProblem(password: string): string | undefined {
  if (password.length < MIN_PASSWORD_LENGTH) {
    return `the password must have at least ${MIN_PASSWORD_LENGTH} characters`;
  }
  if (password.length > MAX_PASSWORD_LENGTH) {
    return `the password must have at most ${MAX_PASSWORD_LENGTH} characters`;
  }
  return undefined;
}

/**
 * The stored form of a password: `scrypt$N$r$p$salt$hash`.
 * @example const stored = await hashPassword('correct horse battery'); // 'scrypt$32768$8$1$…'
 */
export async function hashPassword(
  password: string,
  params: { N: number; r: number; p: number } = DEFAULT_PARAMS,
): Promise<string> {
  const salt = randomBytes(SALT_BYTES);
  const key = await derive(password, salt, KEY_LENGTH, params);
  const { N, r, p } = params;
  return `scrypt$${N}$${r}$${p}$${salt.toString('base64url')}$${key.toString('base64url')}`;
}

/**
 * Whether `password` matches `stored`, compared in constant time. A malformed stored hash never
 * matches.
 * @example if (await verifyPassword(input, user.passwordHash)) …
 */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const m = FORMAT.exec(stored);
  if (!m || password.length > MAX_PASSWORD_LENGTH) return false;
  const [N, r, p] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const expected = Buffer.from(m[5]!, 'base64url');
  const actual = await derive(password, Buffer.from(m[4]!, 'base64url'), expected.length, {
    N,
    r,
    p,
  });
  return timingSafeEqual(actual, expected);
}

let decoy: Promise<string> | undefined;

/**
 * A hash of no one's password, verified against when the email is unknown so that a login for a
 * missing user costs as long as one with a wrong password (no user enumeration by timing). Made
 * on first use, so importing this module costs nothing.
 */
export function decoyHash(): Promise<string> {
  decoy ??= hashPassword(randomBytes(24).toString('base64url'));
  return decoy;
}
