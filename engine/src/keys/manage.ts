// Key management for the API: create, list and revoke an organisation's keys, each change written
// to the audit log in the same transaction. The CLI (`parterre key …`) uses the same repo.
import type { Authenticator } from '../auth/authenticate.ts';
import {
  createApiKey,
  getApiKey,
  listApiKeys,
  revokeApiKey,
  setApiKeyOrigins,
  type ApiKeyKind,
  type ApiKeyRecord,
} from '../auth/repo.ts';
import { auditActor, recordAudit } from '../audit/audit-log.ts';
import type { Db } from '../db/db.ts';
import { inOrg } from '../db/tenancy.ts';
import { DomainError, type Principal } from '../errors.ts';

/** A key as the API shows it: never the key, nor its hash. */
export type KeyView = Omit<ApiKeyRecord, 'orgId'>;

const view = ({ orgId: _orgId, ...key }: ApiKeyRecord): KeyView => key;

/** The organisation's keys, newest first, revoked ones included (with `revokedAt`). */
export async function listKeys(db: Db, principal: Principal): Promise<KeyView[]> {
  return (await listApiKeys(db, principal.orgId)).map(view);
}

/**
 * Creates a key with its allowed origins and audits it; the answer is the only time the key is
 * visible. Refuses (VALIDATION_FAILED) an origin that is not `scheme://host[:port]`.
 * @example const { key } = await createKey(db, principal, { kind: 'public', name: 'shop' });
 */
export async function createKey(
  db: Db,
  principal: Principal,
  input: {
    kind: ApiKeyKind;
    name: string;
    allowedOrigins?: string[];
    /** Door keys: the event they open and when they stop working. */
    eventId?: string;
    expiresAt?: Date;
  },
): Promise<KeyView & { key: string }> {
  const { orgId } = principal;
  const createdBy = auditActor(principal);
  return inOrg(db, orgId, async (tx) => {
    const created = await createApiKey(tx, orgId, input.kind, input.name, {
      createdBy,
      ...(input.eventId ? { eventId: input.eventId } : {}),
      ...(input.expiresAt ? { expiresAt: input.expiresAt } : {}),
    });
    const origins = input.allowedOrigins ?? [];
    if (origins.length) await setApiKeyOrigins(tx, orgId, created.id, origins);
    await recordAudit(tx, {
      orgId,
      actor: createdBy,
      action: 'key.create',
      target: created.id,
      details: {
        kind: input.kind,
        name: input.name,
        allowedOrigins: origins,
        ...(input.eventId ? { eventId: input.eventId } : {}),
        ...(input.expiresAt ? { expiresAt: input.expiresAt.toISOString() } : {}),
      },
    });
    // One row, not the organisation's whole list: door links add a key per click.
    const record = await getApiKey(tx, orgId, created.id);
    return { ...view(record as ApiKeyRecord), key: created.key };
  });
}

/**
 * Revokes a live key of the organisation and audits it; once committed, every node forgets its
 * cached lookups of the key (`auth.revoked`, Redis pub/sub between nodes). 404 for a key that is not live here (another
 * organisation's included); with `only`, also for anything but a door key of that event.
 */
export async function revokeKey(
  db: Db,
  auth: Pick<Authenticator, 'revoked'>,
  principal: Principal,
  id: string,
  only?: { doorKeyOf: string },
): Promise<void> {
  const { orgId } = principal;
  await inOrg(db, orgId, async (tx) => {
    if (!(await revokeApiKey(tx, orgId, id, only))) {
      throw new DomainError(
        'NOT_FOUND',
        only ? `No live door key ${id} for event ${only.doorKeyOf}` : `No live API key ${id}`,
      );
    }
    await recordAudit(tx, {
      orgId,
      actor: auditActor(principal),
      action: 'key.revoke',
      target: id,
    });
  });
  auth.revoked([id]);
}
