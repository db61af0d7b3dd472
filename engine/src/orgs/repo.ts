// Organisations: the tenants. Every other table's org_id points here.
import type { Db } from '../db/db.ts';
import { newId } from '../db/ids.ts';
import { inOrg } from '../db/tenancy.ts';

export interface Organisation {
  id: string;
  name: string;
  createdAt: Date;
}

interface OrgRow {
  id: string;
  name: string;
  created_at: Date;
}

const toOrganisation = (r: OrgRow): Organisation => ({
  id: r.id,
  name: r.name,
  createdAt: r.created_at,
});

/**
 * Creates an organisation with a new `org_` id.
 * @example const org = await createOrganisation(db, { name: 'Opera North' });
 */
export async function createOrganisation(db: Db, input: { name: string }): Promise<Organisation> {
  // The new organisation acts for itself: row-level security admits its row under its own id.
  const id = newId('org');
  const { rows } = await inOrg(db, id, (tx) =>
    tx.query<OrgRow>(
      'INSERT INTO organisations (id, name) VALUES ($1, $2) RETURNING id, name, created_at',
      [id, input.name],
    ),
  );
  return toOrganisation(rows[0]!);
}

/** The organisation, or undefined when the id does not exist. */
export async function getOrganisation(db: Db, id: string): Promise<Organisation | undefined> {
  const { rows } = await inOrg(db, id, (tx) =>
    tx.query<OrgRow>('SELECT id, name, created_at FROM organisations WHERE id = $1', [id]),
  );
  return rows[0] && toOrganisation(rows[0]);
}
