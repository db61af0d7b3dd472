// An owner's event (test/api/harness.ts) plus two partner organisations with their own keys: the
// first gets a partner channel, the second gets nothing and must see nothing.
import { expect } from 'vitest';
import { createApiKey } from '../../engine/src/auth/repo.ts';
import { createOrganisation } from '../../engine/src/orgs/repo.ts';
import { startApi, type ApiHarness, type ApiResponse, type CallOptions } from '../api/harness.ts';
import { uniqueName } from '../support/services.ts';

export interface Org {
  orgId: string;
  secretKey: string;
  publicKey: string;
}

export interface ChannelWorld {
  api: ApiHarness;
  eventId: string;
  owner: Org;
  partner: Org;
  stranger: Org;
  /** An API call under /api/v1. */
  call(method: string, path: string, opts?: CallOptions): Promise<ApiResponse>;
  /** A call that must succeed; returns the body. */
  ok(method: string, path: string, opts?: CallOptions): Promise<any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- tests read answers freely
  close(): Promise<void>;
}

async function org(api: ApiHarness, label: string): Promise<Org> {
  const o = await createOrganisation(api.engine.ctx.db, { name: uniqueName(label) });
  const secret = await createApiKey(api.engine.ctx.db, o.id, 'secret', `${label} secret`);
  const pub = await createApiKey(api.engine.ctx.db, o.id, 'public', `${label} public`);
  return { orgId: o.id, secretKey: secret.key, publicKey: pub.key };
}

/** Starts the API with an owner's event (40 seats R1-1…R4-10, standing area `floor` of 50). */
export async function startChannelWorld(): Promise<ChannelWorld> {
  const api = await startApi();
  const { seeded } = api;
  const owner = { orgId: seeded.orgId, secretKey: seeded.secretKey, publicKey: seeded.publicKey };
  const call = (method: string, path: string, opts?: CallOptions) =>
    api.call(method, `/api/v1${path}`, opts);
  return {
    api,
    eventId: seeded.eventId,
    owner,
    partner: await org(api, 'partner'),
    stranger: await org(api, 'stranger'),
    call,
    async ok(method, path, opts) {
      const res = await call(method, path, opts);
      expect(res.status, `${method} ${path}: ${JSON.stringify(res.body)}`).toBeLessThan(300);
      return res.body;
    },
    close: () => api.close(),
  };
}
