// Who the studio works as: a staff member signed in with email and password (an HTTP-only
// session cookie the engine set; nothing secret is kept in the page) or, for scripts and tests,
// a secret API key kept in sessionStorage. On start an existing cookie session is picked up.
import { ApiClient, ApiError } from '../api/client.ts';
import { login, logout, me, switchOrganisation, type StaffSession } from '../api/auth-api.ts';
import { checkKey, clientFor, storedKey, storeKey } from '../ui/session.ts';

export type Auth =
  | { readonly mode: 'key'; readonly api: ApiClient }
  | { readonly mode: 'staff'; readonly api: ApiClient; readonly session: StaffSession };

const cookieClient = () => new ApiClient({ baseUrl: '', apiKey: null });

/** The sign-in already in place (stored key or live cookie session), or null. */
export async function resumeAuth(): Promise<Auth | null> {
  const key = storedKey();
  if (key) return { mode: 'key', api: clientFor(key) };
  const api = cookieClient();
  try {
    return { mode: 'staff', api, session: await me(api) };
  } catch (err) {
    if (err instanceof ApiError && (err.status === 401 || err.status === 403)) return null;
    throw err;
  }
}

export async function signInWithPassword(email: string, password: string): Promise<Auth> {
  const api = cookieClient();
  try {
    return { mode: 'staff', api, session: await login(api, email, password) };
  } catch (err) {
    if (err instanceof ApiError && err.status === 401) {
      throw new Error('Wrong email or password. Check both and try again.');
    }
    if (err instanceof ApiError && err.status === 429) {
      throw new Error(`Too many attempts: ${err.message}`);
    }
    throw err;
  }
}

export async function signInWithKey(key: string): Promise<Auth> {
  const api = clientFor(key);
  await checkKey(api);
  storeKey(key);
  return { mode: 'key', api };
}

export async function switchOrg(auth: Auth, orgId: string): Promise<Auth> {
  if (auth.mode !== 'staff') return auth;
  return { ...auth, session: await switchOrganisation(auth.api, orgId) };
}

export async function signOut(auth: Auth): Promise<void> {
  storeKey(null);
  if (auth.mode === 'staff') await logout(auth.api).catch(() => undefined);
}
