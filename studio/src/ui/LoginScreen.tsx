// Sign-in with an API key (staff logins come later). The key lives in sessionStorage only, so
// closing the tab forgets it. Working on a local file needs no key.
import { useState } from 'react';

interface Props {
  readonly onLogin: (apiKey: string) => void;
  readonly onLocalFile: (file: File) => void;
  readonly error: string | null;
}

export function LoginScreen({ onLogin, onLocalFile, error }: Props) {
  const [key, setKey] = useState('');
  return (
    <div className="center-screen">
      <form
        className="card"
        aria-label="Sign in"
        onSubmit={(e) => {
          e.preventDefault();
          if (key.trim()) onLogin(key.trim());
        }}
      >
        <h1>Parterre studio</h1>
        <p>
          Paste a secret API key (sk_…) of your organisation. The engine printed one on first start.
        </p>
        <div className="field">
          <label htmlFor="api-key">API key</label>
          <input
            id="api-key"
            type="password"
            autoComplete="off"
            value={key}
            onChange={(e) => setKey(e.target.value)}
            placeholder="sk_…"
          />
        </div>
        {error && (
          <p role="alert" className="error-text">
            {error}
          </p>
        )}
        <button type="submit" className="primary" disabled={!key.trim()}>
          Sign in
        </button>
        <hr />
        <label className="file-button">
          Open a seat-map file without signing in
          <input
            type="file"
            accept="application/json,.json"
            aria-label="Open a local seat-map file"
            onChange={(e) => e.target.files?.[0] && onLocalFile(e.target.files[0])}
          />
        </label>
      </form>
    </div>
  );
}
