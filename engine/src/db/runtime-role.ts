// The role the engine's queries run as. Superusers and BYPASSRLS roles ignore row-level security,
// and tests, PGlite and many installations connect as a superuser, so the engine switches every
// application connection to parterre_runtime: NOLOGIN, NOSUPERUSER, NOBYPASSRLS, with only
// SELECT/INSERT/UPDATE/DELETE on the tables. Migrations switch back to the connecting user for
// their transaction (AS_CONNECTING_USER). Roles are cluster-wide while grants are per schema, so
// preparing the role tolerates another database or process creating it at the same moment.
import type { Db } from './db.ts';
import { DbError, UniqueViolation } from './errors.ts';

/** The role application connections run as. */
export const RUNTIME_ROLE = 'parterre_runtime';

/**
 * Makes the rest of the current transaction run as the connecting user (migrations, test DDL).
 * It is not a security boundary: row-level security guards against a query that forgot its
 * organisation, not against SQL written to escape it.
 */
export const AS_CONNECTING_USER = 'SET LOCAL ROLE NONE';

/** How application connections are made subject to row-level security. */
export type TenancyEnforcement =
  /** They switch to parterre_runtime. */
  | 'runtime-role'
  /** The connecting user is neither superuser nor BYPASSRLS, so policies already apply to it. */
  | 'connecting-user';

/** The database cannot give the engine a role that row-level security applies to. */
export class RuntimeRoleError extends DbError {}

interface RoleState {
  user: string;
  user_super: boolean;
  user_bypass: boolean;
  role_exists: boolean;
  role_unsafe: boolean;
  schema: string;
  granted: boolean;
}

const INSUFFICIENT_PRIVILEGE = '42501';
const DUPLICATE_OBJECT = '42710';
const codeOf = (err: unknown) => (err as { code?: unknown }).code;

const STATE_SQL = `
  SELECT u.rolname AS user, u.rolsuper AS user_super, u.rolbypassrls AS user_bypass,
    r.oid IS NOT NULL AS role_exists,
    coalesce(r.rolsuper OR r.rolbypassrls, false) AS role_unsafe,
    quote_ident(current_schema()) AS schema,
    -- Granted by an earlier start: schema usage alone does not tell (PUBLIC has USAGE on the
    -- public schema), the default privileges this module adds for the connecting user do.
    r.oid IS NOT NULL AND has_schema_privilege(r.oid, current_schema(), 'USAGE') AND EXISTS (
      SELECT 1 FROM pg_default_acl d, aclexplode(d.defaclacl) a
      WHERE d.defaclrole = u.oid AND d.defaclnamespace = current_schema()::regnamespace
        AND d.defaclobjtype = 'r' AND a.grantee = r.oid) AS granted
  FROM pg_roles u LEFT JOIN pg_roles r ON r.rolname = '${RUNTIME_ROLE}'
  WHERE u.rolname = current_user`;

/** Runs `step` in a savepoint; resolves to the SQLSTATE it failed with, or undefined. */
async function attempt(tx: Db, step: (sp: Db) => Promise<unknown>): Promise<string | undefined> {
  try {
    await tx.transaction(step);
    return undefined;
  } catch (err) {
    if (err instanceof UniqueViolation) return DUPLICATE_OBJECT;
    const code = codeOf(err);
    if (code === INSUFFICIENT_PRIVILEGE || code === DUPLICATE_OBJECT) return code;
    throw err;
  }
}

const grantsSql = (schema: string) => `
  GRANT USAGE ON SCHEMA ${schema} TO ${RUNTIME_ROLE};
  GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA ${schema} TO ${RUNTIME_ROLE};
  GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA ${schema} TO ${RUNTIME_ROLE};
  ALTER DEFAULT PRIVILEGES IN SCHEMA ${schema}
    GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ${RUNTIME_ROLE};
  ALTER DEFAULT PRIVILEGES IN SCHEMA ${schema} GRANT USAGE, SELECT ON SEQUENCES TO ${RUNTIME_ROLE};`;

const whatToRun = (state: RoleState) =>
  'as an administrator run: ' +
  (state.role_exists ? '' : `CREATE ROLE ${RUNTIME_ROLE} NOLOGIN NOSUPERUSER NOBYPASSRLS; `) +
  `GRANT ${RUNTIME_ROLE} TO "${state.user}"; (or connect as a user that is neither superuser ` +
  'nor BYPASSRLS)';

/** Without the runtime role: fine for a user policies apply to, fatal for one they do not. */
function withoutRole(state: RoleState, why: string): TenancyEnforcement {
  if (!state.user_super && !state.user_bypass) return 'connecting-user';
  const kind = state.user_super ? 'a superuser' : 'a BYPASSRLS role';
  throw new RuntimeRoleError(
    `database user "${state.user}" is ${kind}, so row-level security would not apply to it, and ` +
      `it ${why}; ${whatToRun(state)}`,
  );
}

/** Creates the role unless it exists; false when the user may not create roles. */
async function ensureRole(tx: Db, state: RoleState): Promise<boolean> {
  if (state.role_exists) return true;
  const failed = await attempt(tx, (sp) =>
    sp.exec(`CREATE ROLE ${RUNTIME_ROLE} NOLOGIN NOSUPERUSER NOBYPASSRLS`),
  );
  // DUPLICATE_OBJECT: another process (or a test schema in another database) created it first.
  return failed !== INSUFFICIENT_PRIVILEGE;
}

/** True when the connecting user may switch to the role, granting itself membership if needed. */
async function ensureSwitchable(tx: Db): Promise<boolean> {
  const trySwitch = () =>
    attempt(tx, (sp) => sp.exec(`SET LOCAL ROLE ${RUNTIME_ROLE}; ${AS_CONNECTING_USER}`));
  if ((await trySwitch()) === undefined) return true;
  const granted = await attempt(tx, (sp) => sp.exec(`GRANT ${RUNTIME_ROLE} TO CURRENT_USER`));
  return granted === undefined && (await trySwitch()) === undefined;
}

/**
 * Makes sure application connections can run as a role that row-level security applies to, on
 * `db` connected as the connecting user with the target schema first on its search_path: creates
 * `parterre_runtime` if missing, lets the connecting user switch to it, and grants it the schema's
 * tables (now and, through default privileges, those migrations create later). Idempotent; safe
 * when several processes or databases of one cluster prepare it at once.
 * @throws RuntimeRoleError when the role cannot be used and the connecting user bypasses RLS.
 * @example if ((await prepareRuntimeRole(setupDb)) === 'runtime-role') connectAs(RUNTIME_ROLE);
 */
export async function prepareRuntimeRole(db: Db): Promise<TenancyEnforcement> {
  return db.transaction(async (tx) => {
    // Grants on one object by two sessions at once can fail ("tuple concurrently updated").
    await tx.query(`SELECT pg_advisory_xact_lock(hashtext('parterre.runtime_role'))`);
    const state = (await tx.query<RoleState>(STATE_SQL)).rows[0]!;
    if (state.role_unsafe) {
      throw new RuntimeRoleError(
        `role ${RUNTIME_ROLE} exists with SUPERUSER or BYPASSRLS, so row-level security would not ` +
          `apply to it; as an administrator run: ALTER ROLE ${RUNTIME_ROLE} NOSUPERUSER NOBYPASSRLS`,
      );
    }
    if (!(await ensureRole(tx, state))) return withoutRole(state, `may not create roles`);
    if (!(await ensureSwitchable(tx))) {
      return withoutRole(state, `may not switch to role ${RUNTIME_ROLE}`);
    }
    if (!state.granted) {
      const failed = await attempt(tx, (sp) => sp.exec(grantsSql(state.schema)));
      if (failed) {
        throw new RuntimeRoleError(
          `database user "${state.user}" may not grant ${RUNTIME_ROLE} access to schema ` +
            `${state.schema}; as its owner run: ${grantsSql(state.schema).replace(/\s+/g, ' ').trim()}`,
        );
      }
    }
    return 'runtime-role';
  });
}
