// Tickets of bookings and admission at the door. Codes are verified with the organisation key
// they name (keys.ts); the ticket row is issued lazily and admitted once (repo.ts); every
// admission is announced on the engine's scan feed for the live box office.
import { migrate, type LayoutSeat } from '@parterre/seatmaps';
import { auditActor } from '../audit/audit-log.ts';
import type { EngineContext } from '../context.ts';
import type { Db } from '../db/db.ts';
import { DomainError, type Principal } from '../errors.ts';
import type { EventCatalog, EventRuntime } from '../events/catalog.ts';
import { getVersion } from '../maps/repo.ts';
import { getBooking } from '../orders/repo.ts';
import { readTicket, verifyTicket, type TicketClaims } from './codes.ts';
import { verificationKey } from './keys.ts';
import {
  admitPartnerTicket,
  attendance,
  issueTickets,
  scanTicket,
  type IssuedTicket,
  type ScanOutcome,
} from './repo.ts';
import { scanFeedOf } from './scan-feed.ts';

export interface TicketView {
  code: string;
  /** The ticket page, relative to the server's origin. */
  url: string;
  status: 'valid' | 'scanned' | 'cancelled';
  scannedAt: string | null;
  seat: { id: string; label: string; row: string; section: string } | null;
  standing: { areaId: string; label: string; unit: number } | null;
  category: string | null;
  /** The category's name on the seat map ("Front stalls"), else null. */
  categoryLabel: string | null;
  priceType: string;
}

export interface EventSummary {
  id: string;
  name: string;
  startsAt: string;
}

export interface ScanResult {
  admitted: true;
  scannedAt: string;
  event: EventSummary;
  ticket: TicketView;
  attendance: { scanned: number; sold: number };
}

const invalid = () =>
  new DomainError('TICKET_INVALID', 'This is not a valid ticket of this organisation');

function seatOf(event: EventRuntime, index: number): TicketView['seat'] {
  const s = event.layout.seats[index] as LayoutSeat | undefined;
  return s ? { id: s.id, label: s.label, row: s.row, section: s.section } : null;
}

/** Category key → label of a published map version (the layout keeps keys only). */
type Labels = ReadonlyMap<string, string>;

function viewOf(event: EventRuntime, t: IssuedTicket, labels: Labels): TicketView {
  const area = t.area === undefined ? undefined : event.layout.gaAreas.find((a) => a.id === t.area);
  return {
    code: t.code,
    url: `/tickets/${t.code}`,
    status: !t.live ? 'cancelled' : t.scannedAt ? 'scanned' : 'valid',
    scannedAt: t.scannedAt?.toISOString() ?? null,
    seat: t.seat === undefined ? null : seatOf(event, t.seat),
    standing:
      t.area === undefined
        ? null
        : { areaId: t.area, label: area?.label ?? t.area, unit: t.unit as number },
    category: t.category,
    categoryLabel: (t.category && labels.get(t.category)) ?? null,
    priceType: t.priceType,
  };
}

const summary = (e: EventRuntime): EventSummary => ({
  id: e.id,
  name: e.name,
  startsAt: e.startsAt.toISOString(),
});

const sameSlot = (t: IssuedTicket, c: TicketClaims) =>
  c.seat !== undefined ? t.seat === c.seat : t.area === c.area && t.unit === c.unit;

/** Told after each admission committed (the live box office's attendance). */
export type ScanNotifier = (orgId: string, eventId: string) => void;

export class TicketService {
  constructor(
    private readonly db: Db,
    private readonly catalog: EventCatalog,
    private readonly notify: ScanNotifier = () => undefined,
  ) {}

  /** Published versions never change, so their category labels are kept per version. */
  private readonly labels = new Map<string, Promise<Labels>>();

  private labelsOf(event: EventRuntime): Promise<Labels> {
    const key = `${event.orgId}\u0000${event.seatmapId}@${event.seatmapVersion}`;
    let found = this.labels.get(key);
    if (!found) {
      found = getVersion(this.db, event.orgId, event.seatmapId, event.seatmapVersion).then(
        (version) => {
          const doc = version ? migrate(version.document) : undefined;
          const categories = doc?.success ? doc.data.categories : [];
          return new Map(categories.map((c) => [c.key as string, c.label]));
        },
      );
      found.catch(() => this.labels.delete(key));
      this.labels.set(key, found);
    }
    return found;
  }

  /** The tickets of a booking (issued on first call), for the shop to send. */
  async forBooking(p: Principal, bookingId: string) {
    const booking = await getBooking(this.db, p.orgId, bookingId);
    if (!booking) throw new DomainError('NOT_FOUND', `Booking ${bookingId} not found`);
    const event = await this.catalog.get(p.orgId, booking.eventId);
    const tickets = await issueTickets(this.db, booking);
    const labels = await this.labelsOf(event);
    return {
      bookingId,
      status: booking.status,
      event: summary(event),
      tickets: tickets.map((t) => viewOf(event, t, labels)),
    };
  }

  /**
   * A code's claims once its signature checks out under its (not retired) key, with the key's
   * organisation; undefined for anything forged, malformed or signed by a retired key.
   */
  private async verified(
    code: string,
  ): Promise<{ orgId: string; claims: TicketClaims } | undefined> {
    const claims = readTicket(code);
    if (!claims) return undefined;
    const key = await verificationKey(this.db, claims.keyId);
    if (!key || !verifyTicket(key.secret, code)) return undefined;
    return { orgId: key.orgId, claims };
  }

  /** The issued ticket a verified code names, with its booking and event. */
  private async resolve(orgId: string, claims: TicketClaims, code: string) {
    const booking = await getBooking(this.db, orgId, claims.bookingId);
    if (!booking || booking.eventId !== claims.eventId) return undefined;
    const event = await this.catalog.get(orgId, booking.eventId);
    const issued = (await issueTickets(this.db, booking)).find((t) => sameSlot(t, claims));
    if (!issued || issued.code !== code) return undefined;
    return { booking, event, issued };
  }

  /** What the public ticket page shows for a code; undefined when it is not a valid ticket. */
  async page(code: string): Promise<{ event: EventSummary; ticket: TicketView } | undefined> {
    const found = await this.verified(code);
    if (!found) return undefined;
    const resolved = await this.resolve(found.orgId, found.claims, code);
    if (!resolved) return undefined;
    const labels = await this.labelsOf(resolved.event);
    return {
      event: summary(resolved.event),
      ticket: viewOf(resolved.event, resolved.issued, labels),
    };
  }

  /**
   * Admits a ticket at the door of `eventId`, once. Refuses forged codes and other organisations'
   * tickets (TICKET_INVALID, like a made-up code), another event's ticket (WRONG_EVENT), a
   * cancelled one (TICKET_CANCELLED) and a second scan (ALREADY_SCANNED with the first time).
   */
  async scan(p: Principal, eventId: string, code: string): Promise<ScanResult> {
    const event = await this.catalog.get(p.orgId, eventId);
    const found = await this.verified(code);
    if (found && found.orgId !== p.orgId && event.orgId === p.orgId) {
      // Another organisation's ticket at the owner's door: one a partner sold for this event.
      return this.scanPartnerTicket(p, event, found.claims, code);
    }
    if (!found || found.orgId !== p.orgId) throw invalid();
    const { claims } = found;
    if (claims.eventId !== eventId) {
      throw new DomainError('WRONG_EVENT', `This ticket is for another event, not ${event.name}`);
    }
    const resolved = await this.resolve(p.orgId, claims, code);
    if (!resolved) throw invalid();
    const slot = {
      bookingId: claims.bookingId,
      ...(claims.seat !== undefined ? { seat: claims.seat } : { area: claims.area as string }),
    };
    const outcome = await scanTicket(this.db, p.orgId, code, slot, auditActor(p));
    const ticket = viewOf(event, resolved.issued, await this.labelsOf(event));
    return this.answer(p, event, slot, ticket, outcome);
  }

  /**
   * A partner-sold ticket at the owner's door: admitted by parterre_admit_partner_ticket, which
   * checks the ticket belongs to a partner channel's booking of this event and reveals nothing of
   * the booking but the outcome. The ticket is described from its code and the owner's map.
   */
  private async scanPartnerTicket(
    p: Principal,
    event: EventRuntime,
    claims: TicketClaims,
    code: string,
  ): Promise<ScanResult> {
    if (claims.eventId !== event.id) throw invalid();
    const admitted = await admitPartnerTicket(this.db, p.orgId, event.id, code, auditActor(p));
    const issued: IssuedTicket = {
      ...(claims.seat !== undefined
        ? { seat: claims.seat }
        : { area: claims.area as string, unit: claims.unit as number }),
      category: admitted.category,
      priceType: admitted.priceType,
      live: admitted.outcome.kind !== 'cancelled',
      code,
      scannedAt: null,
    };
    const slot = {
      bookingId: claims.bookingId,
      ...(claims.seat !== undefined ? { seat: claims.seat } : { area: claims.area as string }),
    };
    const ticket = viewOf(event, issued, await this.labelsOf(event));
    return this.answer(p, event, slot, ticket, admitted.outcome);
  }

  /** Turns a scan's outcome into the door's answer (or refusal) and announces an admission. */
  private async answer(
    p: Principal,
    event: EventRuntime,
    slot: { bookingId: string; seat?: number; area?: string },
    ticket: TicketView,
    outcome: ScanOutcome,
  ): Promise<ScanResult> {
    const eventId = event.id;
    if (outcome.kind === 'unknown') throw invalid();
    if (outcome.kind === 'cancelled') {
      throw new DomainError('TICKET_CANCELLED', `${describe(ticket)}: this booking was cancelled`);
    }
    if (outcome.kind === 'already') {
      const at = outcome.scannedAt.toISOString();
      throw new DomainError('ALREADY_SCANNED', `${describe(ticket)} was already scanned at ${at}`, {
        scannedAt: at,
      });
    }
    this.notify(p.orgId, eventId);
    const counts = await attendance(this.db, p.orgId, eventId);
    scanFeedOf(this.db).emit({
      orgId: p.orgId,
      eventId,
      ...slot,
      scannedAt: outcome.scannedAt,
      attendance: counts,
    });
    const scannedAt = outcome.scannedAt.toISOString();
    return {
      admitted: true,
      scannedAt,
      event: summary(event),
      ticket: { ...ticket, status: 'scanned', scannedAt },
      attendance: counts,
    };
  }

  /** Admissions scanned and sold for an event. */
  async attendance(p: Principal, eventId: string) {
    await this.catalog.get(p.orgId, eventId);
    return { eventId, ...(await attendance(this.db, p.orgId, eventId)) };
  }
}

/** "Stalls row A seat 5" or "Standing place 3". */
export function describe(t: TicketView): string {
  if (t.seat) return `${t.seat.section} row ${t.seat.row} seat ${t.seat.label}`;
  return `${t.standing?.label ?? 'Standing'} place ${t.standing?.unit ?? ''}`.trim();
}

// One service per engine, like the scan feed (see scan-feed.ts).
const services = new WeakMap<Db, TicketService>();

/**
 * The ticket service of an engine context. The first call also makes it the live box office's
 * source of attendance: the box office reads `scanned` from here, and every admission tells it
 * (`notifyScan`, which reaches every node).
 */
export function ticketsOf(ctx: Pick<EngineContext, 'db' | 'catalog' | 'boxoffice'>): TicketService {
  let service = services.get(ctx.db);
  if (!service) {
    const { db, boxoffice } = ctx;
    service = new TicketService(db, ctx.catalog, (orgId, eventId) =>
      boxoffice.notifyScan(orgId, eventId),
    );
    boxoffice.setAttendanceSource({
      scanned: async (orgId, eventId) => (await attendance(db, orgId, eventId)).scanned,
    });
    services.set(db, service);
  }
  return service;
}
