// Top-level screens: sign-in (or a local file), the seat-map list, the editor.
import { useEffect, useMemo, useState } from 'react';
import { openDocument } from '../editor/document-io.ts';
import { Editor } from '../editor/editor.ts';
import { readJsonFile } from './download.ts';
import { EditorScreen } from './EditorScreen.tsx';
import { HomeScreen } from './HomeScreen.tsx';
import { LoginScreen } from './LoginScreen.tsx';
import { MapLoader } from './MapLoader.tsx';
import {
  checkKey,
  clientFor,
  currentMapId,
  navigateToMap,
  storedKey,
  storeKey,
} from './session.ts';

export function App() {
  const [apiKey, setApiKey] = useState(storedKey);
  const [mapId, setMapId] = useState(currentMapId);
  const [local, setLocal] = useState<Editor | null>(null);
  const [error, setError] = useState<string | null>(null);
  const api = useMemo(() => (apiKey ? clientFor(apiKey) : null), [apiKey]);

  useEffect(() => {
    const onPop = () => setMapId(currentMapId());
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, []);

  const open = (id: string | null) => {
    navigateToMap(id);
    setMapId(id);
  };
  const login = async (key: string) => {
    setError(null);
    try {
      await checkKey(clientFor(key));
      storeKey(key);
      setApiKey(key);
    } catch (err) {
      setError((err as Error).message);
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
  if (!api) return <LoginScreen onLogin={login} onLocalFile={openLocal} error={error} />;
  if (mapId) return <MapLoader key={mapId} api={api} mapId={mapId} onExit={() => open(null)} />;
  return (
    <HomeScreen
      api={api}
      onOpen={open}
      onSignOut={() => {
        storeKey(null);
        setApiKey(null);
      }}
    />
  );
}
