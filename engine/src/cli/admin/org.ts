// `parterre org create`: a new tenant, printed as its id so scripts can capture it.
import { createOrganisation } from '../../orgs/repo.ts';
import { withDatabase } from './db.ts';
import { checkName } from './names.ts';

/** Creates an organisation and prints its id. */
export async function createOrgCommand(name: string): Promise<void> {
  const checked = checkName('organisation', name);
  const org = await withDatabase({ migrated: true }, (db) =>
    createOrganisation(db, { name: checked }),
  );
  process.stdout.write(`${org.id}\n`);
}
