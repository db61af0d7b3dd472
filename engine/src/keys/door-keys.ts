// The door keys of one event, for the box office: the ones that still open the door (neither
// revoked nor expired), with who made each, so staff can see which phones are out and revoke them.
import type { Db } from '../db/db.ts';
import { inOrg } from '../db/tenancy.ts';

/** A live door key as the box office sees it: never the key, nor its hash. */
export interface DoorKeyView {
  id: string;
  name: string;
  prefix: string;
  eventId: string;
  createdAt: Date;
  expiresAt: Date;
  lastUsedAt: Date | null;
  /** `<kind>:<user or key id>` as in the audit log; null when unknown. */
  createdBy: string | null;
  /** The staff member's name when a staff member made it. */
  createdByName: string | null;
}

interface Row {
  id: string;
  name: string;
  prefix: string;
  event_id: string;
  created_at: Date;
  expires_at: Date;
  last_used_at: Date | null;
  created_by: string | null;
  created_by_name: string | null;
}

/**
 * The event's door keys that still authenticate, newest first.
 * @example const keys = await listDoorKeys(db, orgId, eventId);
 */
export async function listDoorKeys(db: Db, orgId: string, eventId: string): Promise<DoorKeyView[]> {
  // users is not a tenant table (0005); the name is read only for a creator id this row names.
  const { rows } = await inOrg(db, orgId, (tx) =>
    tx.query<Row>(
      `SELECT k.id, k.name, k.prefix, k.event_id, k.created_at, k.expires_at, k.last_used_at,
              k.created_by, u.name AS created_by_name
         FROM api_keys k LEFT JOIN users u ON k.created_by = 'staff:' || u.id
        WHERE k.org_id = $1 AND k.event_id = $2 AND k.kind = 'door'
          AND k.revoked_at IS NULL AND k.expires_at > now()
        ORDER BY k.created_at DESC, k.id`,
      [orgId, eventId],
    ),
  );
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    prefix: r.prefix,
    eventId: r.event_id,
    createdAt: r.created_at,
    expiresAt: r.expires_at,
    lastUsedAt: r.last_used_at,
    createdBy: r.created_by,
    createdByName: r.created_by_name,
  }));
}
