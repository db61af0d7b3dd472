// `parterre user create|add|remove`: a staff user's id goes to stdout alone (so `ID=$(parterre user
// create …)` works), what happened to stderr. Input problems (bad email, weak password, taken
// email) are usage errors and change nothing.
import { isStaffRole, type StaffRole } from '../../auth/roles.ts';
import { removeMembership } from '../../auth/membership-removal.ts';
import { addMembership, createUser, findUser } from '../../auth/users.ts';
import type { Db } from '../../db/db.ts';
import { DomainError } from '../../errors.ts';
import { getOrganisation } from '../../orgs/repo.ts';
import { failure, usageError } from '../errors.ts';
import { announceRevocation, announceSessionsEnded } from './tell-servers.ts';
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

/** The audit actor of admin commands: whoever runs the CLI on the server. */
const CLI_ACTOR = 'cli';

/**
 * Takes a user out of an organisation, revoking the door keys it made there (and telling the
 * servers to drop them at once); exit 1 when the user is not a member.
 */
export async function removeUserCommand(opts: { email: string; org: string }): Promise<void> {
  const email = opts.email.trim().toLowerCase();
  const removed = await withDatabase({ migrated: true }, async (db) => {
    await requireOrg(db, opts.org);
    const found = await findUser(db, email);
    if (!found) throw failure(`no user with email ${email}`);
    const done = await removeMembership(db, found.id, opts.org, CLI_ACTOR);
    if (!done) throw failure(`${email} is not a member of ${opts.org}`);
    return { ...done, userId: found.id };
  });
  await announceRevocation(removed.revokedKeyIds);
  // Its sessions in the organisation are gone: the servers drop its live staff sockets now.
  await announceSessionsEnded(removed.userId);
  const keys = removed.revokedKeyIds.length;
  process.stdout.write(
    `${email} is no longer a member of ${opts.org}; revoked ${keys} door key${keys === 1 ? '' : 's'}\n`,
  );
}
