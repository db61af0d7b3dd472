// `parterre user create|add`: a staff user's id goes to stdout alone (so `ID=$(parterre user
// create …)` works), what happened to stderr. Input problems (bad email, weak password, taken
// email) are usage errors and change nothing.
import { isStaffRole, type StaffRole } from '../../auth/roles.ts';
import { addMembership, createUser, findUser } from '../../auth/users.ts';
import type { Db } from '../../db/db.ts';
import { DomainError } from '../../errors.ts';
import { getOrganisation } from '../../orgs/repo.ts';
import { failure, usageError } from '../errors.ts';
import { withDatabase } from './db.ts';
import { readNewPassword } from './password-input.ts';

async function requireOrg(db: Db, orgId: string): Promise<void> {
  if (!(await getOrganisation(db, orgId))) throw failure(`organisation ${orgId} does not exist`);
}

function roleOf(role: string): StaffRole {
  if (!isStaffRole(role)) throw usageError(`unknown role ${role}`);
  return role;
}

/** Creates a user with a role in an organisation; prints its id on stdout. */
export async function createUserCommand(opts: {
  email: string;
  name: string;
  org: string;
  role: string;
}): Promise<void> {
  const role = roleOf(opts.role);
  const password = await readNewPassword(opts.email);
  const user = await withDatabase({ migrated: true }, async (db) => {
    await requireOrg(db, opts.org);
    try {
      // One transaction: a failed membership leaves no user without organisation behind.
      return await db.transaction(async (tx) => {
        const created = await createUser(tx, { email: opts.email, name: opts.name, password });
        await addMembership(tx, created.id, opts.org, role);
        return created;
      });
    } catch (err) {
      if (err instanceof DomainError) throw usageError(err.message);
      throw err;
    }
  });
  process.stderr.write(`created user ${user.email} as ${role} of ${opts.org}\n`);
  process.stdout.write(`${user.id}\n`);
}

/** Gives an existing user a role in an organisation. */
export async function addUserCommand(opts: {
  email: string;
  org: string;
  role: string;
}): Promise<void> {
  const role = roleOf(opts.role);
  const user = await withDatabase({ migrated: true }, async (db) => {
    await requireOrg(db, opts.org);
    const found = await findUser(db, opts.email);
    if (!found) throw failure(`no user with email ${opts.email.trim().toLowerCase()}`);
    await addMembership(db, found.id, opts.org, role);
    return found;
  });
  process.stdout.write(`${user.email} is now ${role} of ${opts.org}\n`);
}
