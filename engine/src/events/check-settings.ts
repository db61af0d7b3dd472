// Checks of event settings that need the published map or the engine's limits (zod checks the
// shapes): prices name categories of the map, the hold duration is allowed, the window is sane.
import { migrate } from '@parterre/seatmaps';
import type { EngineContext } from '../context.ts';
import { DomainError } from '../errors.ts';
import type { Price } from './repo.ts';

/**
 * Every price must name a category of the map, once per price type; the hold duration stays
 * under the engine's maximum and the sales window opens before it closes.
 */
export function checkEventSettings(
  ctx: EngineContext,
  body: { holdTtlSeconds?: number | undefined; prices?: Price[] | undefined },
  document: unknown,
  window: { salesOpensAt?: Date | null; salesClosesAt?: Date | null } = {},
): void {
  const fields: Record<string, string> = {};
  const { salesOpensAt: opens, salesClosesAt: closes } = window;
  if (opens && closes && opens >= closes) {
    fields.salesClosesAt = `must be after salesOpensAt (${opens.toISOString()})`;
  }
  if (body.holdTtlSeconds !== undefined && body.holdTtlSeconds > ctx.config.MAX_HOLD_SECONDS) {
    fields.holdTtlSeconds = `must be at most ${ctx.config.MAX_HOLD_SECONDS}`;
  }
  Object.assign(fields, priceProblems(body.prices ?? [], document));
  throwIfAny(fields);
}

/**
 * Prices checked against the map `document` alone (as channels' own prices are): every price
 * names a category of the map, once per price type.
 * @throws DomainError VALIDATION_FAILED naming each bad `prices[i]`.
 */
export function checkPrices(prices: Price[], document: unknown): void {
  throwIfAny(priceProblems(prices, document));
}

function priceProblems(prices: Price[], document: unknown): Record<string, string> {
  const fields: Record<string, string> = {};
  const parsed = migrate(document);
  const keys = parsed.success ? parsed.data.categories.map((c) => c.key as string) : [];
  const seen = new Set<string>();
  for (const [i, price] of prices.entries()) {
    const type = price.priceType ?? 'full';
    if (!keys.includes(price.category)) {
      fields[`prices[${i}].category`] =
        `unknown category "${price.category}"; the map has ${keys.map((k) => `"${k}"`).join(', ') || 'no categories'}`;
    } else if (seen.has(`${price.category}/${type}`)) {
      fields[`prices[${i}]`] = `a second ${type} price for category "${price.category}"`;
    }
    seen.add(`${price.category}/${type}`);
  }
  return fields;
}

function throwIfAny(fields: Record<string, string>): void {
  const listed = Object.entries(fields);
  if (listed.length) {
    throw new DomainError(
      'VALIDATION_FAILED',
      `Invalid request body: ${listed.map(([k, v]) => `${k}: ${v}`).join('; ')}`,
      { fields },
    );
  }
}
