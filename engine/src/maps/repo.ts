// Seat maps: a mutable draft guarded by draft_version (If-Match / 412), and immutable published
// versions numbered 1, 2, … per map. There is deliberately no UPDATE of seatmap_versions.
import type { Db } from '../db/db.ts';
import { inOrg } from '../db/tenancy.ts';
import { InvalidInput, NotFound } from '../db/errors.ts';
import { newId } from '../db/ids.ts';

export interface Seatmap {
  id: string;
  orgId: string;
  name: string;
  draft: unknown;
  draftVersion: number;
  createdAt: Date;
  updatedAt: Date;
}

/**
 * The seat index table of a published version: seat ids in index order and the GA areas. Stored
 * as given, so callers may add fields.
 */
export interface VersionLayout {
  seatIds: readonly string[];
  gaAreas: readonly { id: string; capacity: number; category: string | null }[];
}

export interface SeatmapVersionSummary {
  seatmapId: string;
  version: number;
  seatCount: number;
  publishedAt: Date;
}

export interface SeatmapVersion extends SeatmapVersionSummary {
  orgId: string;
  document: unknown;
  layout: VersionLayout;
}

export type SaveDraftResult =
  | { ok: true; draftVersion: number }
  | { ok: false; reason: 'conflict'; currentVersion: number }
  | { ok: false; reason: 'not_found' };

interface SeatmapRow {
  id: string;
  org_id: string;
  name: string;
  draft: unknown;
  draft_version: number;
  created_at: Date;
  updated_at: Date;
}

interface VersionRow {
  seatmap_id: string;
  version: number;
  org_id: string;
  document: unknown;
  seat_count: number;
  layout: VersionLayout;
  published_at: Date;
}

const SEATMAP_COLUMNS = 'id, org_id, name, draft, draft_version, created_at, updated_at';
const VERSION_COLUMNS = 'seatmap_id, version, org_id, document, seat_count, layout, published_at';

const toSeatmap = (r: SeatmapRow): Seatmap => ({
  id: r.id,
  orgId: r.org_id,
  name: r.name,
  draft: r.draft,
  draftVersion: r.draft_version,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

const toVersion = (r: VersionRow): SeatmapVersion => ({
  seatmapId: r.seatmap_id,
  version: r.version,
  orgId: r.org_id,
  document: r.document,
  seatCount: r.seat_count,
  layout: r.layout,
  publishedAt: r.published_at,
});

/**
 * Creates a seat map whose draft starts at draft version 1.
 * @example const map = await createSeatmap(db, { orgId, name: 'Main hall', draft: doc });
 */
export async function createSeatmap(
  db: Db,
  input: { orgId: string; name: string; draft: unknown },
): Promise<Seatmap> {
  const { rows } = await inOrg(db, input.orgId, (tx) =>
    tx.query<SeatmapRow>(
      `INSERT INTO seatmaps (id, org_id, name, draft) VALUES ($1, $2, $3, $4::jsonb)
     RETURNING ${SEATMAP_COLUMNS}`,
      [newId('sm'), input.orgId, input.name, JSON.stringify(input.draft)],
    ),
  );
  return toSeatmap(rows[0]!);
}

/** The seat map with its draft, or undefined (also for another organisation's id). */
export async function getSeatmap(db: Db, orgId: string, id: string): Promise<Seatmap | undefined> {
  const { rows } = await inOrg(db, orgId, (tx) =>
    tx.query<SeatmapRow>(`SELECT ${SEATMAP_COLUMNS} FROM seatmaps WHERE id = $1 AND org_id = $2`, [
      id,
      orgId,
    ]),
  );
  return rows[0] && toSeatmap(rows[0]);
}

/**
 * Replaces the draft if its version is still `expectedDraftVersion`, bumping the version.
 * A different version is a conflict (HTTP 412), reported with the current version.
 * @example
 * const r = await saveDraft(db, orgId, id, ifMatch, doc);
 * if (!r.ok && r.reason === 'conflict') reply412(r.currentVersion);
 */
export async function saveDraft(
  db: Db,
  orgId: string,
  id: string,
  expectedDraftVersion: number,
  doc: unknown,
): Promise<SaveDraftResult> {
  return inOrg(db, orgId, async (tx) => {
    const updated = await tx.query<{ draft_version: number }>(
      `UPDATE seatmaps SET draft = $4::jsonb, draft_version = draft_version + 1, updated_at = now()
       WHERE id = $1 AND org_id = $2 AND draft_version = $3
       RETURNING draft_version`,
      [id, orgId, expectedDraftVersion, JSON.stringify(doc)],
    );
    if (updated.rows[0]) return { ok: true, draftVersion: updated.rows[0].draft_version };
    const current = await getSeatmap(tx, orgId, id);
    return current
      ? { ok: false, reason: 'conflict', currentVersion: current.draftVersion }
      : { ok: false, reason: 'not_found' };
  });
}

/**
 * Stores an immutable published version and returns its number (1 for the first). Concurrent
 * publishes of one map queue on the map's row lock, so numbers never collide or skip.
 * @throws NotFound when the map does not exist in `orgId`.
 * @throws InvalidInput when `seatCount` is not the number of seat ids in `layout`.
 */
export async function publishVersion(
  db: Db,
  orgId: string,
  id: string,
  input: { document: unknown; seatCount: number; layout: VersionLayout },
): Promise<number> {
  if (input.layout.seatIds.length !== input.seatCount) {
    throw new InvalidInput(
      `seatCount ${input.seatCount} does not match the layout's ${input.layout.seatIds.length} seat ids`,
    );
  }
  return db.transaction(
    async (tx) => {
      const map = await tx.query(
        'SELECT 1 FROM seatmaps WHERE id = $1 AND org_id = $2 FOR UPDATE',
        [id, orgId],
      );
      if (map.rowCount === 0) throw new NotFound('seatmap', id);
      const { rows } = await tx.query<{ version: number }>(
        `INSERT INTO seatmap_versions (seatmap_id, version, org_id, document, seat_count, layout)
         SELECT $1, coalesce(max(version), 0) + 1, $2, $3::jsonb, $4, $5::jsonb
         FROM seatmap_versions WHERE seatmap_id = $1
         RETURNING version`,
        [id, orgId, JSON.stringify(input.document), input.seatCount, JSON.stringify(input.layout)],
      );
      return rows[0]!.version;
    },
    { orgId },
  );
}

/** One published version with document and layout, or undefined. */
export async function getVersion(
  db: Db,
  orgId: string,
  id: string,
  version: number,
): Promise<SeatmapVersion | undefined> {
  const { rows } = await inOrg(db, orgId, (tx) =>
    tx.query<VersionRow>(
      `SELECT ${VERSION_COLUMNS} FROM seatmap_versions
     WHERE seatmap_id = $1 AND org_id = $2 AND version = $3`,
      [id, orgId, version],
    ),
  );
  return rows[0] && toVersion(rows[0]);
}

/** The newest published version, or undefined when the map was never published. */
export async function latestVersion(
  db: Db,
  orgId: string,
  id: string,
): Promise<SeatmapVersion | undefined> {
  const { rows } = await inOrg(db, orgId, (tx) =>
    tx.query<VersionRow>(
      `SELECT ${VERSION_COLUMNS} FROM seatmap_versions
     WHERE seatmap_id = $1 AND org_id = $2 ORDER BY version DESC LIMIT 1`,
      [id, orgId],
    ),
  );
  return rows[0] && toVersion(rows[0]);
}

/** Every published version of a map, oldest first, without documents. */
export async function listVersions(
  db: Db,
  orgId: string,
  id: string,
): Promise<SeatmapVersionSummary[]> {
  const { rows } = await inOrg(db, orgId, (tx) =>
    tx.query<VersionRow>(
      `SELECT seatmap_id, version, seat_count, published_at FROM seatmap_versions
     WHERE seatmap_id = $1 AND org_id = $2 ORDER BY version`,
      [id, orgId],
    ),
  );
  return rows.map((r) => ({
    seatmapId: r.seatmap_id,
    version: r.version,
    seatCount: r.seat_count,
    publishedAt: r.published_at,
  }));
}

/** One line of the organisation's seat-map list: no documents, the newest published version. */
export interface SeatmapSummary {
  id: string;
  name: string;
  draftVersion: number;
  createdAt: Date;
  updatedAt: Date;
  /** The newest published version and its seat count; null when never published. */
  latestVersion: number | null;
  latestSeatCount: number | null;
  /** Every published version number, oldest first. */
  versions: number[];
}

/**
 * The organisation's seat maps, most recently edited first, without their documents.
 * @example const maps = await listSeatmaps(db, orgId);
 */
export async function listSeatmaps(db: Db, orgId: string): Promise<SeatmapSummary[]> {
  const { rows } = await inOrg(db, orgId, (tx) =>
    tx.query<{
      id: string;
      name: string;
      draft_version: number;
      created_at: Date;
      updated_at: Date;
      versions: number[] | null;
      latest_seat_count: number | null;
    }>(
      `SELECT m.id, m.name, m.draft_version, m.created_at, m.updated_at,
              (SELECT array_agg(v.version ORDER BY v.version) FROM seatmap_versions v
                WHERE v.seatmap_id = m.id AND v.org_id = m.org_id) AS versions,
              (SELECT v.seat_count FROM seatmap_versions v
                WHERE v.seatmap_id = m.id AND v.org_id = m.org_id
                ORDER BY v.version DESC LIMIT 1) AS latest_seat_count
       FROM seatmaps m WHERE m.org_id = $1 ORDER BY m.updated_at DESC, m.id`,
      [orgId],
    ),
  );
  return rows.map((r) => {
    const versions = r.versions ?? [];
    return {
      id: r.id,
      name: r.name,
      draftVersion: r.draft_version,
      createdAt: r.created_at,
      updatedAt: r.updated_at,
      latestVersion: versions.length ? versions[versions.length - 1]! : null,
      latestSeatCount: r.latest_seat_count,
      versions,
    };
  });
}
