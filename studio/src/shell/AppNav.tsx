// The bar on every page but the map editor: where you are (Designer, Events, Series, Box office,
// Reports, Staff for owners), who you are, the organisation you work in (switchable) and sign out.
import type { ReactNode } from 'react';
import type { Auth } from './auth.ts';
import { Link } from './navigation.tsx';
import { sectionOf, type Route } from './routes.ts';

interface Props {
  readonly auth: Auth;
  readonly route: Route;
  readonly onSwitchOrg: (orgId: string) => void;
  readonly onSignOut: () => void;
  /** A failed switch of organisation, in words. */
  readonly error?: string | null;
  readonly children: ReactNode;
}

const SECTIONS = [
  { id: 'designer', label: 'Designer', to: { page: 'home' } },
  { id: 'events', label: 'Events', to: { page: 'events' } },
  { id: 'series', label: 'Series', to: { page: 'series' } },
  { id: 'boxoffice', label: 'Box office', to: { page: 'boxoffice', eventId: null } },
  { id: 'reports', label: 'Reports', to: { page: 'reports', eventId: null } },
  { id: 'staff', label: 'Staff', to: { page: 'staff' } },
] as const satisfies readonly { id: string; label: string; to: Route }[];

function Who({ auth, onSwitchOrg }: Pick<Props, 'auth' | 'onSwitchOrg'>) {
  if (auth.mode === 'key') return <span className="who">Signed in with an API key</span>;
  const { user, organisations, activeOrg } = auth.session;
  return (
    <span className="who">
      <span title={user.email}>{user.name || user.email}</span>
      {organisations.length > 1 ? (
        <select
          aria-label="Organisation"
          value={activeOrg.orgId}
          onChange={(e) => onSwitchOrg(e.target.value)}
        >
          {organisations.map((o) => (
            <option key={o.orgId} value={o.orgId}>
              {o.orgName} ({o.role})
            </option>
          ))}
        </select>
      ) : (
        <span className="org">
          {activeOrg.orgName} · {activeOrg.role}
        </span>
      )}
    </span>
  );
}

/** Staff management is the owners' (and secret keys'): other roles do not see the link. */
const managesStaff = (auth: Auth) => auth.mode === 'key' || auth.session.activeOrg.role === 'owner';

export function AppShell({ auth, route, onSwitchOrg, onSignOut, error, children }: Props) {
  const section = sectionOf(route);
  const sections = SECTIONS.filter((s) => s.id !== 'staff' || managesStaff(auth));
  return (
    <div className="app-shell">
      <header className="app-nav">
        <strong className="brand">Parterre</strong>
        <nav aria-label="Main">
          {sections.map((s) => (
            <Link key={s.id} to={s.to} current={s.id === section} className="nav-link">
              {s.label}
            </Link>
          ))}
        </nav>
        <span className="spacer" />
        <Who auth={auth} onSwitchOrg={onSwitchOrg} />
        <button type="button" onClick={onSignOut}>
          Sign out
        </button>
      </header>
      {error && (
        <p role="alert" className="error-text app-error">
          {error}
        </p>
      )}
      <main className="app-main">{children}</main>
    </div>
  );
}
