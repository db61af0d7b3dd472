import { describe, expect, it } from 'vitest';
import { DomainError, type Principal } from '../errors.ts';
import type { EventRuntime } from '../events/catalog.ts';
import { channelStatus, checkAllocation, gaShare, sellingChannel } from './fence.ts';
import type { ChannelView } from './runtime.ts';

const partnerChannel: ChannelView = {
  id: 'ch_p',
  kind: 'partner',
  partnerOrgId: 'org_partner',
  prices: null,
  seats: [0, 1],
  ga: [{ areaId: 'floor', quantity: 10 }],
};
const boxChannel: ChannelView = {
  id: 'ch_box',
  kind: 'boxoffice',
  partnerOrgId: null,
  prices: [{ category: 'A', priceType: 'full', amount: 100, currency: 'EUR' }],
  seats: [2],
  ga: [{ areaId: 'floor', quantity: 5 }],
};

/** An owner's runtime of five seats (S0…S4) and a standing area of 50, as the owner sees it. */
const event = {
  id: 'ev_1',
  orgId: 'org_owner',
  seatIds: ['S0', 'S1', 'S2', 'S3', 'S4'],
  layout: { gaAreas: [{ id: 'floor', capacity: 50 }] },
  channels: {
    list: [partnerChannel, boxChannel],
    seatChannel: new Map([
      [0, 'ch_p'],
      [1, 'ch_p'],
      [2, 'ch_box'],
    ]),
  },
} as unknown as EventRuntime;

const owner: Principal = { orgId: 'org_owner', kind: 'secret', keyId: 'k1' };
const partner: Principal = { orgId: 'org_partner', kind: 'public', keyId: 'k2' };

const refusal = (fn: () => void) => {
  try {
    fn();
  } catch (err) {
    if (err instanceof DomainError) return { code: err.code, ...err.details };
    throw err;
  }
  return undefined;
};

describe('sellingChannel', () => {
  it("sends a partner through its own channel and refuses another's", () => {
    expect(sellingChannel(event, partner)).toBe(partnerChannel);
    expect(sellingChannel(event, partner, 'ch_p')).toBe(partnerChannel);
    expect(refusal(() => sellingChannel(event, partner, 'ch_box'))).toEqual({ code: 'NOT_FOUND' });
  });

  it('gives the owner the general sale unless it names one of its channels', () => {
    expect(sellingChannel(event, owner)).toBeNull();
    expect(sellingChannel(event, owner, 'ch_box')).toBe(boxChannel);
    expect(refusal(() => sellingChannel(event, owner, 'ch_nope'))).toEqual({ code: 'NOT_FOUND' });
  });
});

describe('checkAllocation', () => {
  it('names the seats outside the channel', () => {
    expect(refusal(() => checkAllocation(event, partnerChannel, [0, 2, 3], []))).toEqual({
      code: 'NOT_IN_CHANNEL',
      seats: ['S2', 'S3'],
    });
    expect(refusal(() => checkAllocation(event, null, [1, 3], []))).toEqual({
      code: 'NOT_IN_CHANNEL',
      seats: ['S1'],
    });
    expect(refusal(() => checkAllocation(event, boxChannel, [2], []))).toBeUndefined();
  });

  it('keeps standing quantities within the seller’s share', () => {
    expect(gaShare(event, partnerChannel, 'floor')).toBe(10);
    expect(gaShare(event, null, 'floor')).toBe(35);
    const ga = (quantity: number) => [{ areaId: 'floor', quantity }];
    expect(refusal(() => checkAllocation(event, partnerChannel, [], ga(11)))).toEqual({
      code: 'NOT_IN_CHANNEL',
      areas: ['floor'],
    });
    expect(refusal(() => checkAllocation(event, null, [], ga(35)))).toBeUndefined();
    expect(refusal(() => checkAllocation(event, null, [], ga(36)))?.code).toBe('NOT_IN_CHANNEL');
  });
});

describe('channelStatus', () => {
  const status = Uint8Array.from([0, 1, 0, 0, 2]);

  it('shows a channel only its own seats', () => {
    expect([...channelStatus(event, partnerChannel, status)]).toEqual([0, 1, 3, 3, 3]);
  });

  it('hides every allocated seat from the general sale', () => {
    expect([...channelStatus(event, null, status)]).toEqual([3, 3, 3, 0, 2]);
    expect([...status]).toEqual([0, 1, 0, 0, 2]);
  });
});
