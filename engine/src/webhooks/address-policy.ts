// Which addresses a webhook may be sent to. A webhook URL is chosen by a customer, and the engine
// POSTs to it from inside the deployment: without this check an endpoint such as
// http://169.254.169.254/ (cloud metadata) or http://127.0.0.1:6379/ (the engine's own Redis)
// would make the engine a proxy into its private network (SSRF). Loopback, link-local, private
// (RFC 1918), CGNAT, unique-local, multicast, reserved and unspecified addresses are refused unless
// WEBHOOKS_ALLOW_PRIVATE=true (self-hosting next to the receiver, tests).
import { lookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';

const BLOCKED = new BlockList();
for (const [net, prefix] of [
  ['0.0.0.0', 8], // "this network", unspecified
  ['10.0.0.0', 8], // private
  ['100.64.0.0', 10], // carrier-grade NAT
  ['127.0.0.0', 8], // loopback
  ['169.254.0.0', 16], // link-local (cloud metadata)
  ['172.16.0.0', 12], // private
  ['192.0.0.0', 24], // IETF protocol assignments
  ['192.168.0.0', 16], // private
  ['198.18.0.0', 15], // benchmarking
  ['224.0.0.0', 4], // multicast
  ['240.0.0.0', 4], // reserved, broadcast
] as const) {
  BLOCKED.addSubnet(net, prefix, 'ipv4');
}
for (const [net, prefix] of [
  ['::', 128], // unspecified
  ['::1', 128], // loopback
  ['fc00::', 7], // unique local
  ['fe80::', 10], // link-local
  ['ff00::', 8], // multicast
] as const) {
  BLOCKED.addSubnet(net, prefix, 'ipv6');
}

/** The IPv4 address an IPv6 address embeds (IPv4-mapped ::ffff:a.b.c.d, or its hex form). */
function embeddedIpv4(ip: string): string | undefined {
  const lower = ip.toLowerCase();
  const dotted = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(lower);
  if (dotted) return dotted[1];
  const hex = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(lower);
  if (!hex) return undefined;
  const [hi, lo] = [parseInt(hex[1]!, 16), parseInt(hex[2]!, 16)];
  return `${hi >> 8}.${hi & 255}.${lo >> 8}.${lo & 255}`;
}

/**
 * True when `ip` is not a public unicast address (see the file comment for the ranges).
 * @example isPrivateAddress('169.254.169.254'); // true
 */
export function isPrivateAddress(ip: string): boolean {
  const family = isIP(ip);
  if (family === 4) return BLOCKED.check(ip, 'ipv4');
  if (family !== 6) return true;
  const v4 = embeddedIpv4(ip);
  return v4 !== undefined ? BLOCKED.check(v4, 'ipv4') : BLOCKED.check(ip, 'ipv6');
}

/** The host part of a URL as an address or name (IPv6 literals without their brackets). */
const hostOf = (url: URL) => url.hostname.replace(/^\[(.*)\]$/, '$1');

/**
 * Why `url` may not receive webhooks, or null when it may. The host name is resolved and every
 * address it resolves to must be public. A name that does not resolve (yet) is `unresolved`; the
 * caller decides (registration accepts it, delivery refuses it — the dispatcher checks again
 * before every POST).
 * @example await refusedTarget(new URL('http://127.0.0.1:6379/'), false);
 * // { reason: 'private', detail: '127.0.0.1 is a loopback, private or reserved address' }
 */
export async function refusedTarget(
  url: URL,
  allowPrivate: boolean,
): Promise<{ reason: 'private' | 'unresolved'; detail: string } | null> {
  const host = hostOf(url);
  let addresses: string[];
  if (isIP(host)) addresses = [host];
  else {
    try {
      addresses = (await lookup(host, { all: true, verbatim: true })).map((a) => a.address);
    } catch (err) {
      const code = (err as { code?: string }).code ?? (err as Error).message;
      return { reason: 'unresolved', detail: `host ${host} does not resolve (${code})` };
    }
  }
  if (allowPrivate) return null;
  const blocked = addresses.filter(isPrivateAddress);
  if (blocked.length === 0) return null;
  const where = isIP(host) ? blocked[0] : `host ${host} resolves to ${blocked.join(', ')}, which`;
  return {
    reason: 'private',
    detail:
      `${where} is a loopback, link-local, private or reserved address; webhooks go only to ` +
      'public addresses (WEBHOOKS_ALLOW_PRIVATE=true allows private ones)',
  };
}
