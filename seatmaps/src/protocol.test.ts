import { describe, expect, expectTypeOf, it } from 'vitest';
import type {
  Ack,
  AckError,
  ClientToServerEvents,
  HoldAck,
  SeatsMessage,
  ServerToClientEvents,
  SeatStatus,
} from './protocol.ts';
import type {
  BoxOfficeClientToServerEvents,
  BoxOfficeFeedItem,
  BoxOfficeServerToClientEvents,
  BoxOfficeStats,
  BoxOfficeSubscribeAck,
} from './protocol.ts';
import {
  BOXOFFICE_NAMESPACE,
  BoxOfficeSubscribeRequest,
  countStatuses,
  HoldRequest,
  LIVE_NAMESPACE,
  UnsubscribeRequest,
  packStatus,
  PROTOCOL_VERSION,
  unpackStatus,
} from './protocol.ts';

describe('protocol', () => {
  it('packs and unpacks status bytes, including large arrays', () => {
    const bytes = new Uint8Array(80_000).map((_, i) => i % 4);
    expect(unpackStatus(packStatus(bytes))).toEqual(bytes);
    expect(packStatus(new Uint8Array([0, 1, 2, 3]))).toBe('AAECAw==');
  });

  it('counts statuses', () => {
    expect(countStatuses(new Uint8Array([0, 0, 1, 2, 3, 3]))).toEqual({
      free: 2,
      held: 1,
      booked: 1,
      blocked: 2,
    });
  });

  it('validates hold requests with named problems', () => {
    const empty = HoldRequest.safeParse({ eventId: 'ev_1', seats: [] });
    expect(empty.error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`))
      .toMatchInlineSnapshot(`
      [
        "seats: name at least one seat or GA quantity",
      ]
    `);
    expect(HoldRequest.safeParse({ eventId: 'ev_1', seats: ['A-1'] }).success).toBe(true);
    expect(
      HoldRequest.safeParse({ eventId: 'ev_1', ga: [{ areaId: 'f', quantity: 0 }] }).success,
    ).toBe(false);
  });

  it('types both directions', () => {
    expect(PROTOCOL_VERSION).toBeGreaterThan(0);
    expectTypeOf<Parameters<ServerToClientEvents['seats']>[0]>().toEqualTypeOf<SeatsMessage>();
    expectTypeOf<
      Parameters<Parameters<ClientToServerEvents['hold']>[1]>[0]
    >().toEqualTypeOf<HoldAck>();
    expectTypeOf<SeatsMessage['changes'][number]>().toEqualTypeOf<[number, SeatStatus]>();
    type Failure = Extract<Ack<{ x: 1 }>, { ok: false }>;
    expectTypeOf<Failure['error']['code']>().toBeString();
  });

  it('types refusals with retry hints and validates unsubscribe', () => {
    type Failure = Extract<Ack<object>, { ok: false }>;
    expectTypeOf<Failure['error']>().toEqualTypeOf<AckError>();
    expectTypeOf<AckError['retryAfterMs']>().toEqualTypeOf<number | undefined>();
    expect(UnsubscribeRequest.safeParse({ eventId: '' }).success).toBe(false);
    expect(LIVE_NAMESPACE).toBe('/live');
  });

  it('types the box-office namespace', () => {
    expect(BOXOFFICE_NAMESPACE).toBe('/boxoffice');
    expect(BoxOfficeSubscribeRequest.safeParse({ eventId: '' }).success).toBe(false);
    expectTypeOf<
      Parameters<BoxOfficeServerToClientEvents['stats']>[0]
    >().toEqualTypeOf<BoxOfficeStats>();
    expectTypeOf<
      Parameters<Parameters<BoxOfficeClientToServerEvents['subscribe']>[1]>[0]
    >().toEqualTypeOf<BoxOfficeSubscribeAck>();
    type Holds = Extract<BoxOfficeFeedItem, { kind: 'holds' }>;
    expectTypeOf<Holds['held']>().toBeNumber();
  });
});
