// Seat ids come from pretix's seat_guid, which the format says must be globally unique, but real
// files break that (copied rows, hand-edited JSON). A duplicate would make two seats one bookable
// place, so import stops and names every duplicate unless the caller asks for new ids.
import type { PretixImportIssue } from './errors.ts';
import { PretixImportError } from './errors.ts';
import type { PretixPlan } from './schema.ts';
import type { ImportWarning } from './warnings.ts';

const MAX_ID_LENGTH = 128;
/** How many duplicate guids the error message spells out; `issues` always lists all of them. */
const MESSAGE_LIMIT = 5;

/** Where a seat is in a pretix file, for messages a person can follow. */
export interface SeatLocation {
  /** e.g. `zones[0].rows[2].seats[5]` */
  readonly path: string;
  /** `zone "Stalls", row "3", seat "5"` */
  readonly description: string;
}

/** A seat_guid used by more than one seat. */
export interface DuplicateSeatGuid {
  readonly guid: string;
  readonly seats: readonly SeatLocation[];
}

/** Calls `visit` for every seat in file order; locations are built only when asked for. */
function forEachSeat(
  plan: PretixPlan,
  visit: (guid: string, z: number, r: number, s: number) => void,
): void {
  plan.zones.forEach((zone, z) =>
    zone.rows.forEach((row, r) => row.seats.forEach((seat, s) => visit(seat.seat_guid, z, r, s))),
  );
}

function locate(plan: PretixPlan, z: number, r: number, s: number): SeatLocation {
  const zone = plan.zones[z];
  const row = zone?.rows[r];
  return {
    path: `zones[${z}].rows[${r}].seats[${s}]`,
    description: `zone "${zone?.name ?? z + 1}", row "${row?.row_number}", seat "${row?.seats[s]?.seat_number}"`,
  };
}

/**
 * Lists every seat_guid that more than one seat uses, with all the seats that use it.
 * @example findDuplicateSeatGuids(plan).map((d) => d.guid) // ['A-1']
 */
export function findDuplicateSeatGuids(plan: PretixPlan): DuplicateSeatGuid[] {
  // One cheap pass with a Set; locations are collected only for the guids that repeat.
  const seen = new Set<string>();
  const repeated = new Set<string>();
  forEachSeat(plan, (guid) => (seen.has(guid) ? repeated.add(guid) : seen.add(guid)));
  if (repeated.size === 0) return [];
  const byGuid = new Map<string, SeatLocation[]>([...repeated].map((g) => [g, []]));
  forEachSeat(plan, (guid, z, r, s) => byGuid.get(guid)?.push(locate(plan, z, r, s)));
  return [...byGuid].map(([guid, seats]) => ({ guid, seats }));
}

function duplicateError(duplicates: readonly DuplicateSeatGuid[]): PretixImportError {
  const shown = duplicates.slice(0, MESSAGE_LIMIT).map((d) => {
    const seats = d.seats.map((s) => `${s.path} (${s.description})`).join(', ');
    return `"${d.guid}" is used by ${d.seats.length} seats: ${seats}`;
  });
  const more =
    duplicates.length > MESSAGE_LIMIT ? `; … and ${duplicates.length - MESSAGE_LIMIT} more` : '';
  const issues: PretixImportIssue[] = duplicates.flatMap((d) =>
    d.seats.slice(1).map((s) => ({
      path: `${s.path}.seat_guid`,
      message: `duplicate seat_guid "${d.guid}" (first used at ${d.seats[0]?.path})`,
    })),
  );
  return new PretixImportError(
    `${duplicates.length} seat_guid value(s) are used by more than one seat: ${shown.join('; ')}${more}. ` +
      'Every seat needs its own seat_guid. Fix the guids in the pretix file, or import with ' +
      'rekeyDuplicates: true (CLI: --rekey-duplicates) to keep every seat and give the later ' +
      'duplicates new ids such as "<guid>~2".',
    issues,
  );
}

function checkGuidShapes(plan: PretixPlan): void {
  const issues: PretixImportIssue[] = [];
  forEachSeat(plan, (guid, z, r, s) => {
    if (guid.length > 0 && guid.length <= MAX_ID_LENGTH) return;
    const where = locate(plan, z, r, s);
    issues.push({
      path: `${where.path}.seat_guid`,
      message: `seat_guid must be 1 to ${MAX_ID_LENGTH} characters (${where.description} has ${guid.length})`,
    });
  });
  if (issues.length > 0) {
    const first = issues[0] as PretixImportIssue;
    throw new PretixImportError(
      `${issues.length} seat(s) have an unusable seat_guid, first at ${first.path}: ${first.message}. Give each seat a seat_guid of 1 to ${MAX_ID_LENGTH} characters.`,
      issues,
    );
  }
}

/**
 * Chooses the Parterre id of every seat, indexed `[zone][row][seat]`. Throws a
 * `PretixImportError` naming every duplicate unless `rekey` is set; with `rekey` the first seat
 * keeps the guid and each later one gets `<guid>~2`, `<guid>~3`, … (skipping ids in use).
 */
export function assignSeatIds(
  plan: PretixPlan,
  rekey: boolean,
): { ids: string[][][]; warnings: ImportWarning[] } {
  checkGuidShapes(plan);
  const duplicates = findDuplicateSeatGuids(plan);
  if (duplicates.length > 0 && !rekey) throw duplicateError(duplicates);
  const used = new Set<string>();
  forEachSeat(plan, (guid) => used.add(guid));
  const seen = new Set<string>();
  const warnings: ImportWarning[] = [];
  const ids: string[][][] = plan.zones.map((zone) => zone.rows.map(() => []));
  forEachSeat(plan, (guid, z, r, s) => {
    let id = guid;
    if (seen.has(guid)) {
      let n = 2;
      while (used.has(`${guid}~${n}`)) n++;
      id = `${guid}~${n}`;
      used.add(id);
      const where = locate(plan, z, r, s);
      warnings.push({
        code: 'DUPLICATE_SEAT_GUID_REKEYED',
        path: `${where.path}.seat_guid`,
        message: `seat_guid "${guid}" was already used; ${where.description} now has id "${id}"`,
      });
    }
    seen.add(guid);
    (ids[z]?.[r] as string[]).push(id);
  });
  return { ids, warnings };
}
