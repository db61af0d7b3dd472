// Sign-in: staff email and password (the engine keeps the session in an HTTP-only cookie), or a
// secret API key for scripts and tests (kept in sessionStorage, gone when the tab closes).
// Working on a local file needs neither.
import { useState } from 'react';

interface Props {
  readonly onPassword: (email: string, password: string) => void;
  readonly onLogin: (apiKey: string) => void;
  readonly onLocalFile: (file: File) => void;
  readonly error: string | null;
  readonly busy?: boolean;
}

export function LoginScreen({ onPassword, onLogin, onLocalFile, error, busy = false }: Props) {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [key, setKey] = useState('');
  return (
    <div className="center-screen">
      <div className="card">
        <h1>Parterre studio</h1>
        <form
          aria-label="Staff sign in"
          onSubmit={(e) => {
            e.preventDefault();
            if (email.trim() && password) onPassword(email.trim(), password);
          }}
        >
          <div className="field">
            <label htmlFor="email">Email</label>
            <input
              id="email"
              type="email"
              autoComplete="username"
              value={email}
              onChange={(e) => setEmail(e.target.value)}
            />
          </div>
          <div className="field">
            <label htmlFor="password">Password</label>
            <input
              id="password"
              type="password"
              autoComplete="current-password"
              value={password}
              onChange={(e) => setPassword(e.target.value)}
            />
          </div>
          <button
            type="submit"
            className="primary big"
            disabled={busy || !email.trim() || !password}
          >
            Log in
          </button>
        </form>
        {error && (
          <p role="alert" className="error-text">
            {error}
          </p>
        )}
        <div className="key-login">
          <h2>Or use a key</h2>
          <form
            aria-label="Sign in"
            onSubmit={(e) => {
              e.preventDefault();
              if (key.trim()) onLogin(key.trim());
            }}
          >
            <p>A secret key (sk_…) of your organisation. The engine printed one on first start.</p>
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
            <button type="submit" disabled={busy || !key.trim()}>
              Sign in
            </button>
          </form>
        </div>
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
      </div>
    </div>
  );
}
