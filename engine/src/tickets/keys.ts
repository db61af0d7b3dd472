// Signing keys of ticket codes, one active per organisation, stored server-side. The first ticket
// an organisation issues creates its key; `rotateTicketKey` starts a new one for new tickets while
// the old one keeps verifying the tickets it signed until it is retired.
import { randomBytes } from 'node:crypto';
import type { Db } from '../db/db.ts';
import { newId } from '../db/ids.ts';
import { asSystem, inOrg } from '../db/tenancy.ts';

export interface TicketKey {
  id: string;
  orgId: string;
  secret: Uint8Array;
}

interface KeyRow {
  id: string;
  org_id: string;
  secret: Uint8Array;
}

const toKey = (r: KeyRow): TicketKey => ({ id: r.id, orgId: r.org_id, secret: r.secret });

/**
 * The organisation's newest key that is not retired, created on first use. Two first uses at once
 * wait on one advisory lock, so an organisation never gets two keys by accident.
 * @example const key = await currentTicketKey(db, orgId);
 */
export function currentTicketKey(db: Db, orgId: string): Promise<TicketKey> {
  return inOrg(db, orgId, async (tx) => {
    const read = () =>
      tx.query<KeyRow>(
        `SELECT id, org_id, secret FROM ticket_keys
         WHERE org_id = $1 AND retired_at IS NULL ORDER BY created_at DESC, id LIMIT 1`,
        [orgId],
      );
    const found = (await read()).rows[0];
    if (found) return toKey(found);
    await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`parterre:ticket-key:${orgId}`]);
    const again = (await read()).rows[0];
    if (again) return toKey(again);
    return insertKey(tx, orgId);
  });
}

async function insertKey(tx: Db, orgId: string): Promise<TicketKey> {
  const key = { id: newId('tk'), orgId, secret: randomBytes(32) };
  // clock_timestamp(), not now(): a key rotated in the transaction that created the previous one
  // must still sort after it.
  await tx.query(
    'INSERT INTO ticket_keys (id, org_id, secret, created_at) VALUES ($1, $2, $3, clock_timestamp())',
    [key.id, orgId, key.secret],
  );
  return key;
}

/**
 * Starts a new signing key for the organisation's new tickets. With `retirePrevious`, codes signed
 * by the older keys stop verifying (a leaked key); otherwise they stay valid.
 */
export function rotateTicketKey(
  db: Db,
  orgId: string,
  opts: { retirePrevious?: boolean } = {},
): Promise<TicketKey> {
  return inOrg(db, orgId, async (tx) => {
    if (opts.retirePrevious) {
      await tx.query(
        'UPDATE ticket_keys SET retired_at = now() WHERE org_id = $1 AND retired_at IS NULL',
        [orgId],
      );
    }
    return insertKey(tx, orgId);
  });
}

/** A key as listing a booking's tickets needs it: retired keys' tickets are reissued. */
export interface ListedTicketKey extends TicketKey {
  retired: boolean;
}

/** The organisation's keys by id (retired ones too, flagged: their tickets get reissued). */
export async function ticketKeysById(db: Db, orgId: string): Promise<Map<string, ListedTicketKey>> {
  const { rows } = await inOrg(db, orgId, (tx) =>
    tx.query<KeyRow & { retired: boolean }>(
      'SELECT id, org_id, secret, retired_at IS NOT NULL AS retired FROM ticket_keys WHERE org_id = $1',
      [orgId],
    ),
  );
  return new Map(rows.map((r) => [r.id, { ...toKey(r), retired: r.retired }]));
}

/**
 * The key a code names, with its organisation, when it is not retired. A code arrives before
 * anyone knows its organisation (the public ticket page), so this one lookup spans organisations.
 */
export async function verificationKey(db: Db, keyId: string): Promise<TicketKey | undefined> {
  const { rows } = await asSystem(db, (tx) =>
    tx.query<KeyRow>(
      'SELECT id, org_id, secret FROM ticket_keys WHERE id = $1 AND retired_at IS NULL',
      [keyId],
    ),
  );
  return rows[0] && toKey(rows[0]);
}
