// The view logic of series, subscriptions and group bookings, free of React: which events can
// still join a series, checking the forms, and the engine's all-or-nothing refusals in words
// that name the taken seats.
import { ApiError } from '../api/client.ts';
import type { GroupInput, SeriesView, SubscribeInput } from '../api/series-api.ts';
import { parseSeatIds } from '../channels/channel-form.ts';

/** Events not yet in the series, in the order given. */
export function eventsToAdd<E extends { id: string }>(all: readonly E[], series: SeriesView): E[] {
  const inSeries = new Set(series.events.map((e) => e.id));
  return all.filter((e) => !inSeries.has(e.id));
}

/** The subscription form, checked. */
export function subscribeInput(form: {
  seats: string;
  holder: string;
  priceType: string;
}): { input: SubscribeInput } | { problem: string } {
  const seats = parseSeatIds(form.seats);
  if (!seats.length) return { problem: 'Type the seat ids the subscriber keeps all season.' };
  if (seats.length > 50) return { problem: 'A subscription holds at most 50 seats.' };
  const holder = form.holder.trim();
  const priceType = form.priceType.trim();
  return {
    input: { seats, ...(holder ? { holder } : {}), ...(priceType ? { priceType } : {}) },
  };
}

/** The group form, checked; `quantity` is the typed size. */
export function groupInput(form: {
  groupName: string;
  quantity: string;
  category: string;
  sectionId: string;
}): { input: GroupInput } | { problem: string } {
  const groupName = form.groupName.trim();
  if (!groupName) return { problem: 'Give the group a name, e.g. “Class 4b, Linden School”.' };
  const quantity = Number(form.quantity);
  if (!Number.isInteger(quantity) || quantity < 2 || quantity > 500) {
    return { problem: 'A group is 2 to 500 people.' };
  }
  return {
    input: {
      groupName,
      quantity,
      ...(form.category ? { category: form.category } : {}),
      ...(form.sectionId ? { sectionId: form.sectionId } : {}),
    },
  };
}

const seatsOf = (err: ApiError) => ((err.body ?? {}) as { seats?: string[] }).seats ?? [];

/** Why a subscription or renewal was refused; nothing was booked on any event. */
export function subscriptionProblem(err: unknown): string {
  if (!(err instanceof ApiError)) return (err as Error).message;
  const seats = seatsOf(err);
  switch (err.code) {
    case 'SEATS_UNAVAILABLE':
      return `Nothing was booked: ${seats.length ? `seat${seats.length === 1 ? '' : 's'} ${seats.join(', ')} ${seats.length === 1 ? 'is' : 'are'} taken` : 'seats are taken'} — ${err.message}.`;
    case 'UNKNOWN_SEATS':
      return `Nothing was booked: no seat ${seats.join(', ')} on the plan — ${err.message}.`;
    case 'ALREADY_RENEWED':
      return `This subscription was renewed already: ${err.message}.`;
    case 'VALIDATION_FAILED':
      return `Nothing was booked: ${err.message}.`;
    case 'FORBIDDEN':
      return 'Your role may not sell subscriptions.';
    case 'NETWORK':
      return 'The engine cannot be reached. Nothing was booked; try again.';
    default:
      return err.message;
  }
}

/** Why a group booking was refused, in plain words. */
export function groupProblem(err: unknown, input: GroupInput): string {
  if (!(err instanceof ApiError)) return (err as Error).message;
  switch (err.code) {
    case 'SEATS_UNAVAILABLE':
      return `No block of ${input.quantity} seats together is free${input.category ? ` in ${input.category}` : ''}${input.sectionId ? ` in ${input.sectionId}` : ''}. Try a smaller group, another category or section, or split the group. Nothing was booked.`;
    case 'SALES_CLOSED':
      return `Sales are closed: ${err.message}`;
    case 'FORBIDDEN':
      return 'Your role may not book groups.';
    case 'NETWORK':
      return 'The engine cannot be reached. Nothing was booked; try again.';
    default:
      return err.message;
  }
}
