// Fetches an event's layout with a public key; a refusal becomes a LiveError carrying the
// engine's stable problem code, like every other SDK error.
import { LiveError } from '../errors.ts';
import type { PickerLayout } from './types.ts';

/**
 * GET /api/v1/events/:id/layout.
 * @example const layout = await fetchLayout({ url: '', publicKey: 'pk_…', eventId });
 */
export async function fetchLayout(opts: {
  url: string;
  publicKey: string;
  eventId: string;
  fetch?: typeof fetch;
}): Promise<PickerLayout> {
  const doFetch = opts.fetch ?? globalThis.fetch.bind(globalThis);
  const url = `${opts.url.replace(/\/$/, '')}/api/v1/events/${encodeURIComponent(opts.eventId)}/layout`;
  const res = await doFetch(url, { headers: { authorization: `Bearer ${opts.publicKey}` } });
  if (!res.ok) {
    const problem = (await res.json().catch(() => ({}))) as { code?: string; detail?: string };
    throw new LiveError(
      problem.code ?? `HTTP_${res.status}`,
      `Could not load the layout of event ${opts.eventId}: ${problem.detail ?? res.statusText}`,
    );
  }
  return (await res.json()) as PickerLayout;
}
