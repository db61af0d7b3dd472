// Engine refusals of counter commands in words a temp can act on.
import { ApiError } from '../api/client.ts';

export function saleProblem(err: unknown, nameOf: (seatId: string) => string): string {
  if (!(err instanceof ApiError)) return (err as Error).message;
  const seats = ((err.body as { seats?: string[] } | null)?.seats ?? []).map(nameOf);
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
    case 'NOT_IN_CHANNEL':
      return `These seats belong to a sales channel this counter does not sell${which}. Pick seats of the general sale.`;
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
