// Webhook signatures, Stripe-style: the sender signs "<unix seconds>.<raw body>" with the
// endpoint's secret, so a receiver can prove the body came from Parterre unaltered and refuse
// replays older than its tolerance. This file is what integrators copy into their receiver.
import { createHmac, timingSafeEqual } from 'node:crypto';

/** The header carrying the signature. */
export const SIGNATURE_HEADER = 'Parterre-Signature';

function hmacHex(secret: string, timestamp: number, body: string): string {
  return createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex');
}

/**
 * The `Parterre-Signature` value for `body` sent at `timestamp` (unix seconds):
 * `t=<timestamp>,v1=<hex HMAC-SHA256 of "<timestamp>.<body>">`.
 * @example signWebhook('whsec_…', '{"type":"booking.created"}', 1767225600)
 */
export function signWebhook(secret: string, body: string, timestamp: number): string {
  return `t=${timestamp},v1=${hmacHex(secret, timestamp, body)}`;
}

function parseHeader(header: string): { t: number; v1: string[] } | undefined {
  let t: number | undefined;
  const v1: string[] = [];
  for (const part of header.split(',')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    const key = part.slice(0, eq).trim();
    const value = part.slice(eq + 1).trim();
    if (key === 't' && /^\d{1,12}$/.test(value)) t = Number(value);
    // Several v1 values let a sender sign with an old and a new secret during a rotation.
    if (key === 'v1' && /^[0-9a-f]{64}$/.test(value)) v1.push(value);
  }
  return t === undefined || v1.length === 0 ? undefined : { t, v1 };
}

/**
 * Checks a delivery: true when one `v1` of `header` is the HMAC of `"<t>.<body>"` under `secret`
 * and `t` is within `toleranceSeconds` of `now` (unix seconds, default the current time). `body`
 * must be the raw request body exactly as received (parse the JSON only after verifying).
 * @example
 * app.post('/hooks', express.text({ type: 'application/json' }), (req, res) => {
 *   const ok = verifyWebhookSignature(secret, req.get('Parterre-Signature') ?? '', req.body, 300);
 *   res.sendStatus(ok ? 204 : 400);
 * });
 */
export function verifyWebhookSignature(
  secret: string,
  header: string,
  body: string,
  toleranceSeconds: number,
  now: number = Math.floor(Date.now() / 1000),
): boolean {
  const parsed = parseHeader(header);
  if (!parsed || Math.abs(now - parsed.t) > toleranceSeconds) return false;
  const expected = Buffer.from(hmacHex(secret, parsed.t, body), 'hex');
  return parsed.v1.some((v) => timingSafeEqual(Buffer.from(v, 'hex'), expected));
}
