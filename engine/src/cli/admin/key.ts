// `parterre key create|list|revoke`: an organisation's API keys. A new key goes to stdout alone
// (so `KEY=$(parterre key create …)` works) with its id on stderr; it is never shown again.
import { createApiKey, listApiKeys, revokeApiKey, type ApiKeyKind } from '../../auth/repo.ts';
import type { Db } from '../../db/db.ts';
import { getOrganisation } from '../../orgs/repo.ts';
import { failure } from '../errors.ts';
import { announceRevocation } from './tell-servers.ts';
import { withDatabase } from './db.ts';
import { checkName } from './names.ts';

async function requireOrg(db: Db, orgId: string): Promise<void> {
  if (!(await getOrganisation(db, orgId))) throw failure(`organisation ${orgId} does not exist`);
}

/** Creates a key, prints it on stdout and its id on stderr. */
export async function createKeyCommand(opts: {
  org: string;
  kind: ApiKeyKind;
  name: string;
}): Promise<void> {
  const name = checkName('key', opts.name);
  const created = await withDatabase({ migrated: true }, async (db) => {
    await requireOrg(db, opts.org);
    return createApiKey(db, opts.org, opts.kind, name);
  });
  process.stderr.write(
    `created ${opts.kind} key ${created.id} "${name}"; it is shown only this once\n`,
  );
  process.stdout.write(`${created.key}\n`);
}

const when = (d: Date | null) => (d ? d.toISOString() : '-');

/** Prints the organisation's keys, newest first: a table, or JSON with `--json`. */
export async function listKeysCommand(opts: { org: string; json?: boolean }): Promise<void> {
  const keys = await withDatabase({ migrated: true }, async (db) => {
    await requireOrg(db, opts.org);
    return listApiKeys(db, opts.org);
  });
  if (opts.json) {
    process.stdout.write(`${JSON.stringify(keys, null, 2)}\n`);
    return;
  }
  const rows = [
    ['id', 'kind', 'prefix', 'created', 'last used', 'revoked', 'name'],
    ...keys.map((k) => [
      k.id,
      k.kind,
      k.prefix,
      when(k.createdAt),
      when(k.lastUsedAt),
      when(k.revokedAt),
      k.name,
    ]),
  ];
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  const lines = rows.map((r) =>
    r
      .map((cell, i) => cell.padEnd(widths[i]!))
      .join('  ')
      .trimEnd(),
  );
  process.stdout.write(`${lines.join('\n')}\n`);
}

/**
 * Revokes a live key of the organisation and tells the servers (Redis) to drop it at once; exit 1
 * when there is none with that id.
 */
export async function revokeKeyCommand(orgId: string, keyId: string): Promise<void> {
  await withDatabase({ migrated: true }, async (db) => {
    await requireOrg(db, orgId);
    if (!(await revokeApiKey(db, orgId, keyId))) {
      throw failure(`organisation ${orgId} has no live key ${keyId}`);
    }
  });
  await announceRevocation([keyId]);
  process.stdout.write(`revoked ${keyId}\n`);
}
