// An organisation always keeps an owner: without one nobody could manage its staff or keys except
// the installation's operator with the CLI. The check locks the owners' membership rows (in user
// id order, so concurrent checks cannot deadlock), so two owners demoting or removing each other
// at once are serialised and the second one is refused. Callers run it before touching the
// member's own row.
import type { Db } from '../db/db.ts';
import { DomainError } from '../errors.ts';

/**
 * Refuses (409 LAST_OWNER) to demote or remove `userId` when it is the only owner of `orgId`.
 * Run it in the transaction (bound to `orgId`) that makes the change.
 * @example await assertNotLastOwner(tx, orgId, userId, 'demote');
 */
export async function assertNotLastOwner(
  tx: Db,
  orgId: string,
  userId: string,
  change: 'demote' | 'remove',
): Promise<void> {
  const { rows } = await tx.query<{ user_id: string }>(
    `SELECT user_id FROM memberships WHERE org_id = $1 AND role = 'owner'
     ORDER BY user_id FOR UPDATE`,
    [orgId],
  );
  const owners = rows.map((r) => r.user_id);
  if (!owners.includes(userId) || owners.length > 1) return;
  throw new DomainError(
    'LAST_OWNER',
    `Cannot ${change} ${userId}: it is the organisation's last owner, and an organisation must keep one; make another member owner first`,
  );
}
