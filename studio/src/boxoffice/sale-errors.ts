// Engine refusals of counter commands in words a temp can act on.
import { ApiError } from '../api/client.ts';

export function saleProblem(
  err: unknown,
  nameOf: (seatId: string) => string,
  /** The channel sold for (null: the general sale) and standing area names, when known. */
  context: { channel?: string | null; areaName?: (areaId: string) => string } = {},
): string {
  if (!(err instanceof ApiError)) return (err as Error).message;
  const body = err.body as { seats?: string[]; areas?: string[] } | null;
  const seats = (body?.seats ?? []).map(nameOf);
  const areas = (body?.areas ?? []).map((a) => context.areaName?.(a) ?? a).join(', ');
  const channel = context.channel ? `the channel ${context.channel}` : 'the general sale';
  const which = seats.length
    ? `: ${seats.slice(0, 6).join('; ')}${seats.length > 6 ? ' …' : ''}`
    : '';
  switch (err.code) {
    case 'SEATS_UNAVAILABLE':
      return `Someone else has just taken ${seats.length === 1 ? 'a seat' : 'seats'}${which}. Pick other seats.`;
    case 'HOLD_EXPIRED':
    case 'HOLD_NOT_FOUND':
      return 'The hold ran out, so the seats were released. Select them again.';
    case 'NOT_BOOKED':
      return `Not sold, so nothing to cancel${which}.`;
    case 'GA_UNAVAILABLE':
      return `Not enough standing places left${areas ? ` in ${areas}` : ''}. Sell fewer places.`;
    case 'NOT_IN_CHANNEL':
      if (!seats.length && areas) {
        return `${channel[0]!.toUpperCase()}${channel.slice(1)} does not have that many standing places in ${areas}. Sell fewer or choose another "Sell for".`;
      }
      return `Not on sale in ${channel}${which}. Pick other seats or choose another "Sell for".`;
    case 'SALES_CLOSED':
      return `Sales are closed: ${err.message}`;
    case 'FORBIDDEN':
      return `You are not allowed to do this: ${err.message}`;
    case 'NETWORK':
      return 'The engine cannot be reached. Check the connection and try again; nothing was changed.';
    default:
      return err.message;
  }
}
