// Finding seats by what a customer says: "A 12", "row A seat 12", "Stalls A 3-6", "Stalls A"
// (the whole row) or "Balcony" (the whole section). Case does not matter; the words "row" and
// "seat" are optional.
import type { LayoutSeat } from '../api/events-api.ts';

const norm = (s: string) => s.trim().toLowerCase();

/** Whether a seat label matches "12" or a range "3-6" / "3–6" (numeric labels). */
function seatMatches(query: string, label: string): boolean {
  const range = /^(\d+)\s*[-–]\s*(\d+)$/.exec(query);
  if (range) {
    const n = Number(label);
    const lo = Math.min(Number(range[1]), Number(range[2]));
    const hi = Math.max(Number(range[1]), Number(range[2]));
    return Number.isFinite(n) && label.trim() !== '' && n >= lo && n <= hi;
  }
  return norm(label) === query;
}

const sectionMatches = (query: string, section: string) =>
  query === '' || norm(section).startsWith(query);

/**
 * Seat indexes matching `query`, in layout order; empty when nothing matches.
 * @example searchSeats(seats, 'stalls a 1-3') // the indexes of Stalls A1, A2, A3
 */
export function searchSeats(seats: readonly LayoutSeat[], query: string): number[] {
  const words = norm(query)
    .replace(/(\d)\s*[-–]\s*(\d)/g, '$1-$2')
    .split(/\s+/)
    .filter((w) => w && w !== 'row' && w !== 'seat' && w !== 'seats');
  if (words.length === 0) return [];
  const pick = (test: (s: LayoutSeat) => boolean) => seats.filter(test).map((s) => s.index);
  if (words.length >= 2) {
    const seat = words[words.length - 1]!;
    const row = words[words.length - 2]!;
    const section = words.slice(0, -2).join(' ');
    const found = pick(
      (s) =>
        seatMatches(seat, s.label) && norm(s.row) === row && sectionMatches(section, s.section),
    );
    if (found.length) return found;
  }
  const row = words[words.length - 1]!;
  const section = words.slice(0, -1).join(' ');
  const rows = pick((s) => norm(s.row) === row && sectionMatches(section, s.section));
  if (rows.length) return rows;
  const whole = words.join(' ');
  return pick((s) => norm(s.section).startsWith(whole));
}
