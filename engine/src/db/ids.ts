import { randomBytes } from 'node:crypto';

// Bitcoin's base58: no 0/O/I/l, so ids survive being read aloud or retyped from a ticket.
const ALPHABET = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';
const LENGTH = 20;
// Largest multiple of 58 below 256: bytes above it are skipped so every letter is equally likely.
const LIMIT = 256 - (256 % ALPHABET.length);

/** The readable prefixes of the engine's ids. */
export type IdPrefix = 'org' | 'sm' | 'ev' | 'bk' | 'ch' | 'tk' | 'sr' | 'sb';

/**
 * A new random id: prefix, underscore, 20 base58 characters (~117 bits).
 * @example newId('ev') // 'ev_3kTq9ZbW…'
 */
export function newId(prefix: IdPrefix): string {
  let out = `${prefix}_`;
  while (out.length < prefix.length + 1 + LENGTH) {
    for (const byte of randomBytes(LENGTH)) {
      if (byte < LIMIT) out += ALPHABET[byte % ALPHABET.length];
      if (out.length === prefix.length + 1 + LENGTH) break;
    }
  }
  return out;
}
