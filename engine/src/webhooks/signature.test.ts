import { describe, expect, it } from 'vitest';
import { signWebhook, verifyWebhookSignature } from './signature.ts';

const secret = 'whsec_test';
const body = '{"id":"1","type":"booking.created"}';
const t = 1_767_225_600;

describe('webhook signatures', () => {
  it('accepts its own signature within the tolerance', () => {
    const header = signWebhook(secret, body, t);
    expect(header).toMatch(/^t=1767225600,v1=[0-9a-f]{64}$/);
    expect(verifyWebhookSignature(secret, header, body, 300, t + 299)).toBe(true);
  });

  it('refuses a tampered body, another secret and a stale timestamp', () => {
    const header = signWebhook(secret, body, t);
    expect(verifyWebhookSignature(secret, header, body.replace('1', '2'), 300, t)).toBe(false);
    expect(verifyWebhookSignature('whsec_other', header, body, 300, t)).toBe(false);
    expect(verifyWebhookSignature(secret, header, body, 300, t + 301)).toBe(false);
  });

  it('refuses malformed headers', () => {
    for (const header of ['', 't=abc,v1=00', `v1=${'a'.repeat(64)}`, `t=${t}`, `t=${t},v1=zz`]) {
      expect(verifyWebhookSignature(secret, header, body, 300, t)).toBe(false);
    }
  });

  it('accepts any of several v1 values (secret rotation)', () => {
    const v1 = signWebhook(secret, body, t).split('v1=')[1];
    const header = `t=${t},v1=${'0'.repeat(64)},v1=${v1}`;
    expect(verifyWebhookSignature(secret, header, body, 300, t)).toBe(true);
  });
});
