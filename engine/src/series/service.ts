// Series (seasons) of events, subscriptions to them and their renewal. See subscribe.ts for how a
// subscription stays all-or-nothing across events.
import type { Logger } from 'pino';
import type { Db } from '../db/db.ts';
import { UniqueViolation } from '../db/errors.ts';
import { DomainError, type Principal } from '../errors.ts';
import type { EventCatalog } from '../events/catalog.ts';
import type { HoldService } from '../holds/service.ts';
import type { SeatStore } from '../store/seat-store.ts';
import {
  addSeriesEvents,
  createSeries,
  getSeries,
  getSubscription,
  listSeries,
  missingEvents,
  removeSeriesEvent,
  type Series,
  type Subscription,
} from './repo.ts';
import { planSubscription, subscribeAll, type SubscribeInput } from './subscribe.ts';

const notFound = (what: string, id: string) =>
  new DomainError('NOT_FOUND', `${what} ${id} not found`);

export interface SeriesServiceDeps {
  db: Db;
  store: SeatStore;
  catalog: EventCatalog;
  holds: HoldService;
  logger?: Logger;
}

export class SeriesService {
  constructor(private readonly deps: SeriesServiceDeps) {}

  private async checkEvents(p: Principal, eventIds: string[]): Promise<void> {
    const missing = await missingEvents(this.deps.db, p.orgId, eventIds);
    if (missing.length) throw notFound('Event', missing.join(', '));
  }

  async create(p: Principal, input: { name: string; eventIds?: string[] }): Promise<Series> {
    const eventIds = [...new Set(input.eventIds ?? [])];
    await this.checkEvents(p, eventIds);
    const id = await createSeries(this.deps.db, p.orgId, input.name, eventIds);
    return this.get(p, id);
  }

  async get(p: Principal, id: string): Promise<Series> {
    const series = await getSeries(this.deps.db, p.orgId, id);
    if (!series) throw notFound('Series', id);
    return series;
  }

  list(p: Principal): Promise<Series[]> {
    return listSeries(this.deps.db, p.orgId);
  }

  async addEvent(p: Principal, seriesId: string, eventId: string): Promise<Series> {
    await this.get(p, seriesId);
    await this.checkEvents(p, [eventId]);
    await addSeriesEvents(this.deps.db, p.orgId, seriesId, [eventId]);
    return this.get(p, seriesId);
  }

  async removeEvent(p: Principal, seriesId: string, eventId: string): Promise<Series> {
    await this.get(p, seriesId);
    if (!(await removeSeriesEvent(this.deps.db, p.orgId, seriesId, eventId))) {
      throw notFound('Event', `${eventId} in series ${seriesId}`);
    }
    return this.get(p, seriesId);
  }

  /** Books `input.seats` on every event of the series in one step, or nothing at all. */
  async subscribe(
    p: Principal,
    seriesId: string,
    input: SubscribeInput,
    renewedFrom?: string,
  ): Promise<Subscription> {
    const series = await this.get(p, seriesId);
    if (series.events.length === 0) {
      throw new DomainError('VALIDATION_FAILED', `Series ${series.name} has no events yet`, {
        fields: { seriesId: 'has no events' },
      });
    }
    const events = await Promise.all(
      series.events.map((e) => this.deps.catalog.get(p.orgId, e.id)),
    );
    const plans = planSubscription(events, input);
    try {
      const id = await subscribeAll(this.deps, p, plans, {
        ...input,
        seriesId,
        ...(renewedFrom ? { renewedFrom } : {}),
      });
      return await this.subscription(p, id);
    } catch (err) {
      if (err instanceof UniqueViolation && renewedFrom) throw alreadyRenewed(renewedFrom);
      throw err;
    }
  }

  async subscription(p: Principal, id: string): Promise<Subscription> {
    const sub = await getSubscription(this.deps.db, p.orgId, id);
    if (!sub) throw notFound('Subscription', id);
    return sub;
  }

  /**
   * Renews a subscription on another series (next season): the same seat ids, holder, order
   * reference and price type, booked all-or-nothing like a new subscription. Each subscription
   * renews once.
   */
  async renew(p: Principal, id: string, seriesId: string): Promise<Subscription> {
    const old = await this.subscription(p, id);
    await this.get(p, seriesId);
    if (old.renewedBy) throw alreadyRenewed(id, old.renewedBy);
    return this.subscribe(
      p,
      seriesId,
      {
        seats: old.seats,
        priceType: old.priceType,
        ...(old.holder ? { holder: old.holder } : {}),
        ...(old.orderRef ? { orderRef: old.orderRef } : {}),
      },
      id,
    );
  }
}

const alreadyRenewed = (id: string, by?: string) =>
  new DomainError(
    'ALREADY_RENEWED',
    `Subscription ${id} was already renewed${by ? ` as ${by}` : ''}`,
  );
