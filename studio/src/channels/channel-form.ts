// The view logic of the Channels panel, free of React: reading typed seat ids, grouping the
// event's seats into rows to pick from, checking the forms before anything is sent, and the
// engine's refusals in plain words.
import { ApiError } from '../api/client.ts';
import type {
  AllocationInput,
  ChannelKind,
  ChannelSellThrough,
  CreateChannelInput,
  GaAllocation,
} from '../api/channels-api.ts';

export const KIND_LABELS: Record<ChannelKind | 'general', string> = {
  online: 'Online',
  boxoffice: 'Box office',
  partner: 'Partner organisation',
  general: 'General sale',
};

/**
 * Seat ids typed by hand: separated by commas, spaces or new lines; repeats dropped.
 * @example parseSeatIds('R1-1, R1-2\nR1-1') // ['R1-1', 'R1-2']
 */
export function parseSeatIds(text: string): string[] {
  return [...new Set(text.split(/[\s,;]+/).filter(Boolean))];
}

export interface SeatRow {
  /** `section/row`, stable for React keys and checkboxes. */
  readonly key: string;
  readonly label: string;
  readonly seatIds: readonly string[];
}

/** The event's seats grouped by section and row, in layout order, for the selection list. */
export function seatRows(
  seats: readonly { id: string; section: string; row: string }[],
): SeatRow[] {
  const rows = new Map<string, { label: string; seatIds: string[] }>();
  for (const s of seats) {
    const key = `${s.section}/${s.row}`;
    let row = rows.get(key);
    if (!row) {
      row = { label: `${s.section}, row ${s.row}`, seatIds: [] };
      rows.set(key, row);
    }
    row.seatIds.push(s.id);
  }
  return [...rows].map(([key, r]) => ({ key, ...r }));
}

/** A new channel's form, checked; `problem` says what to fix. */
export function channelInput(form: {
  kind: ChannelKind;
  name: string;
  partnerOrgId: string;
}): { input: CreateChannelInput } | { problem: string } {
  const name = form.name.trim();
  if (!name) return { problem: 'Give the channel a name.' };
  if (form.kind !== 'partner') return { input: { kind: form.kind, name } };
  const partnerOrgId = form.partnerOrgId.trim();
  if (!partnerOrgId) return { problem: 'A partner channel needs the partner organisation’s id.' };
  return { input: { kind: 'partner', name, partnerOrgId } };
}

/** A channel's new name, checked like the engine does (one line, 1–200 characters). */
export function renameInput(text: string): { name: string } | { problem: string } {
  const name = text.trim();
  if (!name) return { problem: 'Give the channel a name.' };
  if (name.length > 200) return { problem: 'A channel name has at most 200 characters.' };
  // eslint-disable-next-line no-control-regex -- control characters are what is refused
  if (/[\u0000-\u001f\u007f-\u009f]/.test(name))
    return { problem: 'Use one line of plain text for the name.' };
  return { name };
}

/**
 * An allocation from typed ids, picked rows and standing quantities (text per area id).
 * @example allocationInput('R1-1', [], { floor: '10' }) // { input: { seats: ['R1-1'], ga: [...] } }
 */
export function allocationInput(
  typed: string,
  pickedRows: readonly SeatRow[],
  standing: Readonly<Record<string, string>>,
): { input: AllocationInput } | { problem: string } {
  const seats = [...new Set([...parseSeatIds(typed), ...pickedRows.flatMap((r) => r.seatIds)])];
  const ga: GaAllocation[] = [];
  for (const [areaId, text] of Object.entries(standing)) {
    if (!text.trim()) continue;
    const quantity = Number(text);
    if (!Number.isInteger(quantity) || quantity < 1) {
      return { problem: `Standing places must be a whole number above 0 (got “${text}”).` };
    }
    ga.push({ areaId, quantity });
  }
  if (!seats.length && !ga.length) {
    return { problem: 'Choose seats or standing places to allocate.' };
  }
  return { input: { ...(seats.length ? { seats } : {}), ...(ga.length ? { ga } : {}) } };
}

const listed = (ids: readonly string[]) =>
  ids.length > 8 ? `${ids.slice(0, 8).join(', ')} and ${ids.length - 8} more` : ids.join(', ');

/** An engine refusal of a channel command, in words. */
export function channelProblem(err: unknown): string {
  if (!(err instanceof ApiError)) return (err as Error).message;
  const body = (err.body ?? {}) as { seats?: string[]; areas?: string[] };
  switch (err.code) {
    case 'SEATS_UNAVAILABLE':
      return body.seats?.length
        ? `Nothing was allocated: ${listed(body.seats)} ${body.seats.length === 1 ? 'is' : 'are'} not free (held, sold, blocked or in another channel).`
        : `Nothing was allocated: ${err.message}`;
    case 'UNKNOWN_SEATS':
      return `Nothing was allocated: the plan has no seat ${listed(body.seats ?? [])}.`;
    case 'GA_UNAVAILABLE':
      return `Nothing was allocated: the general sale has not that many standing places left (${err.message}).`;
    case 'CHANNEL_IN_USE':
      return `Not deleted: ${err.message}.`;
    case 'FORBIDDEN':
      return 'Only the event’s owner can manage its channels.';
    case 'NETWORK':
      return 'The engine cannot be reached. Nothing was changed; try again.';
    default:
      return err.message;
  }
}

/**
 * What a deleted channel gave back, in words.
 * @example deletedWords('Web', { seats: ['R1-1'], ga: [] }) // 'Deleted Web; 1 seat went back to the general sale.'
 */
export function deletedWords(
  name: string,
  released: { seats: readonly string[]; ga: readonly GaAllocation[] },
): string {
  const seats = released.seats.length;
  const standing = released.ga.reduce((n, a) => n + a.quantity, 0);
  const parts = [`${seats} seat${seats === 1 ? '' : 's'}`];
  if (standing) parts.push(`${standing} standing place${standing === 1 ? '' : 's'}`);
  return `Deleted ${name}; ${parts.join(' and ')} went back to the general sale.`;
}

/** "12 seats + 10 standing" for the sell-through table. */
export function allocatedWords(row: ChannelSellThrough): string {
  const standing = row.allocated.ga.reduce((n, a) => n + a.quantity, 0);
  const seats = `${row.allocated.seats} seat${row.allocated.seats === 1 ? '' : 's'}`;
  return standing ? `${seats} + ${standing} standing` : seats;
}
