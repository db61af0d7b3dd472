// Where the studio keeps its sign-in and which plan is open: the API key in sessionStorage (gone
// when the tab closes), the open plan in the URL (?map=<id>) so a reload finds the same plan.
import { ApiClient, ApiError } from '../api/client.ts';

const KEY_ITEM = 'parterre.apiKey';

export function storedKey(): string | null {
  return sessionStorage.getItem(KEY_ITEM);
}

export function storeKey(key: string | null): void {
  if (key) sessionStorage.setItem(KEY_ITEM, key);
  else sessionStorage.removeItem(KEY_ITEM);
}

export function clientFor(apiKey: string): ApiClient {
  return new ApiClient({ baseUrl: '', apiKey });
}

/** Checks a key against the engine: an unknown map is 404 for a good key, 401/403 for a bad one. */
export async function checkKey(api: ApiClient): Promise<void> {
  try {
    await api.request('GET', '/seatmaps/00000000-0000-0000-0000-000000000000');
  } catch (err) {
    if (err instanceof ApiError && (err.status === 404 || err.status === 400 || err.status === 422))
      return;
    if (err instanceof ApiError && (err.status === 401 || err.status === 403)) {
      throw new Error(
        'The engine did not accept this key. Use a secret key (sk_…) of your organisation.',
      );
    }
    throw err;
  }
}

export function currentMapId(): string | null {
  return new URLSearchParams(window.location.search).get('map');
}

export function navigateToMap(id: string | null): void {
  const url = new URL(window.location.href);
  if (id) url.searchParams.set('map', id);
  else url.searchParams.delete('map');
  window.history.pushState(null, '', url);
}
