// One HTTP attempt: POST the signed JSON body to an endpoint and report what happened, never
// throwing, so one bad receiver cannot break a batch.
import { performance } from 'node:perf_hooks';
import { refusedTarget } from './address-policy.ts';

/** What one attempt produced, as logged in webhook_deliveries. */
export interface AttemptResult {
  ok: boolean;
  /** Null when no HTTP answer came. */
  statusCode: number | null;
  durationMs: number;
  error: string | null;
}

function describeFailure(err: unknown, timeoutMs: number): string {
  if (err instanceof Error && (err.name === 'TimeoutError' || err.name === 'AbortError')) {
    return `no answer within ${timeoutMs} ms`;
  }
  // fetch wraps network errors ("fetch failed"); the cause names what happened (ECONNREFUSED…).
  const cause = err instanceof Error ? (err.cause as { code?: string; message?: string }) : null;
  const text = cause?.code ?? cause?.message ?? (err instanceof Error ? err.message : String(err));
  return `request failed: ${text}`;
}

/**
 * POSTs `body` with `headers`; any 2xx is a success. Redirects are not followed (a receiver must
 * name its final URL) and count as failures, like every other status. The host is resolved first
 * and nothing is sent when it is, or resolves to, a private address (unless `allowPrivate`): an
 * endpoint registered under a public name may be pointed at 127.0.0.1 later.
 */
export async function postWebhook(
  url: string,
  body: string,
  headers: Record<string, string>,
  timeoutMs: number,
  allowPrivate = false,
): Promise<AttemptResult> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  try {
    const refused = await refusedTarget(new URL(url), allowPrivate);
    if (refused) {
      return {
        ok: false,
        statusCode: null,
        durationMs: elapsed(),
        error: `refused, not sent: ${refused.detail}`,
      };
    }
    const res = await fetch(url, {
      method: 'POST',
      body,
      headers: {
        'content-type': 'application/json',
        'user-agent': 'Parterre-Webhooks',
        ...headers,
      },
      redirect: 'manual',
      signal: AbortSignal.timeout(timeoutMs),
    });
    // The answer's body is not used; reading it frees the connection for reuse.
    await res.arrayBuffer().catch(() => undefined);
    const ok = res.status >= 200 && res.status < 300;
    return {
      ok,
      statusCode: res.status,
      durationMs: elapsed(),
      error: ok ? null : `HTTP ${res.status}`,
    };
  } catch (err) {
    return {
      ok: false,
      statusCode: null,
      durationMs: elapsed(),
      error: describeFailure(err, timeoutMs),
    };
  }
}
