import { describe, expect, it } from 'vitest';
import { clientAddress } from './security.ts';

describe('clientAddress', () => {
  const forwarded = { 'x-forwarded-for': '203.0.113.7, 198.51.100.2' };

  it('is the peer without TRUST_PROXY, whatever the request claims', () => {
    expect(clientAddress(undefined)({ headers: forwarded, address: '10.0.0.5' })).toBe('10.0.0.5');
  });

  it("follows Express's trust rules: one hop, or trusted subnets", () => {
    expect(clientAddress('1')({ headers: forwarded, address: '10.0.0.5' })).toBe('198.51.100.2');
    expect(clientAddress('10.0.0.0/8')({ headers: forwarded, address: '10.0.0.5' })).toBe(
      '198.51.100.2',
    );
    expect(clientAddress('10.0.0.0/8')({ headers: forwarded, address: '192.0.2.1' })).toBe(
      '192.0.2.1',
    );
  });
});
