-- Staff users, their roles per organisation, and login sessions.
--
-- users is NOT a tenant table: one person may work for several organisations, so a user row
-- belongs to none of them and has no org_id and no policy. Only system transactions reach it
-- (asSystem in engine/src/auth/user-repo.ts): login by email, password change, the CLI. No route
-- ever lists users, so a query that forgot its organisation cannot leak another house's staff.
CREATE TABLE users (
  id text PRIMARY KEY,
  -- Stored lower-case and trimmed; the CHECK keeps every writer honest.
  email text NOT NULL UNIQUE CHECK (email = lower(btrim(email))),
  -- scrypt$N$r$p$<salt base64url>$<hash base64url> (engine/src/auth/password.ts).
  password_hash text NOT NULL,
  name text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);

-- A user's role in one organisation: owner (everything), designer (seat maps and events),
-- boxoffice (holds, bookings, blocks, reports), viewer (reads only).
CREATE TABLE memberships (
  user_id text NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  org_id text NOT NULL REFERENCES organisations (id),
  role text NOT NULL CHECK (role IN ('owner', 'designer', 'boxoffice', 'viewer')),
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (user_id, org_id)
);
CREATE INDEX memberships_org_idx ON memberships (org_id);

ALTER TABLE memberships ENABLE ROW LEVEL SECURITY;
ALTER TABLE memberships FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON memberships
  USING (org_id = current_setting('app.org_id', true) OR current_setting('app.tenancy_bypass', true) = 'on')
  WITH CHECK (org_id = current_setting('app.org_id', true) OR current_setting('app.tenancy_bypass', true) = 'on');

-- A login. id is the hex SHA-256 of the random cookie token (32 bytes, like API keys, so a fast
-- hash is enough); the token itself is never stored. org_id is the organisation the session acts
-- for, changed by switching. Sessions are looked up by id before the organisation is known, so
-- they are read and written in system transactions; the policy is the second wall.
CREATE TABLE sessions (
  id text PRIMARY KEY,
  user_id text NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  org_id text NOT NULL REFERENCES organisations (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  last_seen_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX sessions_user_idx ON sessions (user_id);

ALTER TABLE sessions ENABLE ROW LEVEL SECURITY;
ALTER TABLE sessions FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON sessions
  USING (org_id = current_setting('app.org_id', true) OR current_setting('app.tenancy_bypass', true) = 'on')
  WITH CHECK (org_id = current_setting('app.org_id', true) OR current_setting('app.tenancy_bypass', true) = 'on');
