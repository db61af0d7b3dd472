// Top level: sign-in (staff login, an API key, or a local file), then the app shell with its
// pages — Designer (seat-map list and the editor), Events, Box office, Reports — chosen by the
// address bar (shell/routes.ts), so every page survives a reload.
import { useEffect, useState } from 'react';
import { BoxOfficeScreen } from '../boxoffice/BoxOfficeScreen.tsx';
import { ChannelsScreen } from '../channels/ChannelsScreen.tsx';
import { openDocument } from '../editor/document-io.ts';
import { Editor } from '../editor/editor.ts';
import { EventForm } from '../events/EventForm.tsx';
import { EventsScreen } from '../events/EventsScreen.tsx';
import { ReportsScreen } from '../reports/ReportsScreen.tsx';
import { SeriesScreen } from '../series/SeriesScreen.tsx';
import { StaffScreen } from '../staff/StaffScreen.tsx';
import { AppShell } from '../shell/AppNav.tsx';
import {
  resumeAuth,
  signInWithKey,
  signInWithPassword,
  signOut,
  switchOrg,
  type Auth,
} from '../shell/auth.ts';
import { navigate, useRoute } from '../shell/navigation.tsx';
import type { Route } from '../shell/routes.ts';
import '../shell/app.css';
import { readJsonFile } from './download.ts';
import { EditorScreen } from './EditorScreen.tsx';
import { HomeScreen } from './HomeScreen.tsx';
import { LoginScreen } from './LoginScreen.tsx';
import { MapLoader } from './MapLoader.tsx';

interface PageProps {
  auth: Auth;
  route: Exclude<Route, { page: 'map' }>;
  /** The session ended under the page (staff who removed themselves): back to the login. */
  onSessionEnded: () => void;
}

function Page({ auth, route, onSessionEnded }: PageProps) {
  const { api } = auth;
  switch (route.page) {
    case 'home':
      return <HomeScreen api={api} onOpen={(mapId) => navigate({ page: 'map', mapId })} />;
    case 'events':
      return <EventsScreen api={api} />;
    case 'event-new':
      return <EventForm key={route.from ?? 'new'} api={api} from={route.from} edit={false} />;
    case 'event-edit':
      return <EventForm key={`edit-${route.eventId}`} api={api} from={route.eventId} edit />;
    case 'event-channels':
      return <ChannelsScreen key={route.eventId} api={api} eventId={route.eventId} />;
    case 'series':
      return <SeriesScreen api={api} />;
    case 'staff':
      return (
        <StaffScreen
          api={api}
          selfId={auth.mode === 'staff' ? auth.session.user.id : null}
          onLeft={onSessionEnded}
        />
      );
    case 'boxoffice':
      return route.eventId ? (
        <BoxOfficeScreen key={route.eventId} api={api} eventId={route.eventId} />
      ) : (
        <EventsScreen api={api} purpose="boxoffice" />
      );
    case 'reports':
      return <ReportsScreen key={route.eventId ?? 'all'} api={api} eventId={route.eventId} />;
  }
}

export function App() {
  const route = useRoute();
  const [auth, setAuth] = useState<Auth | null>(null);
  const [checking, setChecking] = useState(true);
  const [busy, setBusy] = useState(false);
  const [local, setLocal] = useState<Editor | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    resumeAuth()
      .then(setAuth)
      .catch((err: Error) => setError(err.message))
      .finally(() => setChecking(false));
  }, []);

  const attempt = async (task: () => Promise<Auth>) => {
    setError(null);
    setBusy(true);
    try {
      setAuth(await task());
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setBusy(false);
    }
  };
  const openLocal = async (file: File) => {
    setError(null);
    try {
      const opened = openDocument(await readJsonFile(file));
      if (!opened.ok) throw new Error(opened.message);
      setLocal(new Editor(opened.document));
    } catch (err) {
      setError((err as Error).message);
    }
  };

  if (local)
    return <EditorScreen editor={local} api={null} autosave={null} onExit={() => setLocal(null)} />;
  if (checking) {
    return (
      <div className="center-screen" role="status" aria-busy="true">
        Starting the studio…
      </div>
    );
  }
  if (!auth) {
    return (
      <LoginScreen
        onPassword={(email, password) => attempt(() => signInWithPassword(email, password))}
        onLogin={(key) => attempt(() => signInWithKey(key))}
        onLocalFile={openLocal}
        error={error}
        busy={busy}
      />
    );
  }
  if (route.page === 'map') {
    return (
      <MapLoader
        key={route.mapId}
        api={auth.api}
        mapId={route.mapId}
        onExit={() => navigate({ page: 'home' })}
      />
    );
  }
  return (
    <AppShell
      // A new organisation remounts every page, so nothing of the previous one stays on screen.
      key={auth.mode === 'staff' ? auth.session.activeOrg.orgId : 'key'}
      auth={auth}
      route={route}
      error={error}
      onSwitchOrg={(orgId) => void attempt(() => switchOrg(auth, orgId))}
      onSignOut={() => {
        void signOut(auth).finally(() => {
          setAuth(null);
          navigate({ page: 'home' }, true);
        });
      }}
    >
      <Page
        auth={auth}
        route={route}
        onSessionEnded={() => {
          setAuth(null);
          navigate({ page: 'home' }, true);
        }}
      />
    </AppShell>
  );
}
