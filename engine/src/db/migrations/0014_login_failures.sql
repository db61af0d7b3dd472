-- Failed staff logins that reach no organisation: an unknown email, or a user who belongs to no
-- organisation. A failed login of a member is audited in each of the user's organisations
-- (audit_log, auth.login_failed); these attempts have no organisation to be audited in, so they
-- go to this security log of the installation instead (engine/src/auth/session-audit.ts).
--
-- Not a tenant table: it has no org_id and no organisation may read it. Its policy admits system
-- transactions only (asSystem), so a statement acting for an organisation sees no row and can
-- write none. The password is never stored; the email is what was typed (trimmed, lower-case).
CREATE TABLE login_failures (
  id bigserial PRIMARY KEY,
  email text NOT NULL,
  -- The client address as Express reads it (TRUST_PROXY rules).
  address text NOT NULL,
  -- The user, when the email is a user's who belongs to no organisation.
  user_id text REFERENCES users (id) ON DELETE SET NULL,
  at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX login_failures_at_idx ON login_failures (at);

ALTER TABLE login_failures ENABLE ROW LEVEL SECURITY;
ALTER TABLE login_failures FORCE ROW LEVEL SECURITY;
CREATE POLICY system_only ON login_failures
  USING (current_setting('app.tenancy_bypass', true) = 'on')
  WITH CHECK (current_setting('app.tenancy_bypass', true) = 'on');
