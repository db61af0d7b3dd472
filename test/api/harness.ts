// The REST API on a real engine (real Postgres schema, real Redis prefix), served on 127.0.0.1:0,
// with a small client that sends JSON and reads JSON, problem+json, CSV or HTML back.
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect } from 'vitest';
import { createApp } from '../../engine/src/http/app.ts';
import { createApiKey } from '../../engine/src/auth/repo.ts';
import { createOrganisation } from '../../engine/src/orgs/repo.ts';
import { seedEvent, testEngine, type SeededEvent, type TestEngine } from '../support/engine.ts';
import { uniqueName } from '../support/services.ts';

export interface ApiResponse {
  status: number;
  headers: Headers;
  /** Parsed JSON for JSON and problem+json answers, else the text. */
  body: any; // eslint-disable-line @typescript-eslint/no-explicit-any -- tests read answers freely
}

export interface CallOptions {
  key?: string;
  body?: unknown;
  /** Sent as-is instead of JSON.stringify(body). */
  raw?: string;
  headers?: Record<string, string>;
}

export interface ApiHarness {
  engine: TestEngine;
  url: string;
  /** An organisation with a published on-sale event and secret + public keys. */
  seeded: SeededEvent;
  /** A second organisation's secret key: it must see none of the first's data. */
  otherSecretKey: string;
  call(method: string, path: string, opts?: CallOptions): Promise<ApiResponse>;
  close(): Promise<void>;
}

/** Starts the app over a fresh engine and seeds two organisations. */
export async function startApi(): Promise<ApiHarness> {
  const engine = await testEngine();
  const server: Server = createApp(engine.ctx).listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const seeded = await seedEvent(engine.ctx);
  const other = await createOrganisation(engine.ctx.db, { name: uniqueName('other') });
  const otherSecret = await createApiKey(engine.ctx.db, other.id, 'secret', 'other org');
  const call = async (method: string, path: string, opts: CallOptions = {}) => {
    const headers: Record<string, string> = { ...opts.headers };
    if (opts.key) headers.authorization = `Bearer ${opts.key}`;
    let body: string | undefined = opts.raw;
    if (body === undefined && opts.body !== undefined) body = JSON.stringify(opts.body);
    if (body !== undefined) headers['content-type'] ??= 'application/json';
    const res = await fetch(url + path, {
      method,
      headers,
      ...(body !== undefined ? { body } : {}),
    });
    const type = res.headers.get('content-type') ?? '';
    const text = await res.text();
    return {
      status: res.status,
      headers: res.headers,
      body: /json/.test(type) ? JSON.parse(text) : text,
    };
  };
  return {
    engine,
    url,
    seeded,
    otherSecretKey: otherSecret.key,
    call,
    async close() {
      await new Promise((resolve) => server.close(resolve));
      await engine.dispose();
    },
  };
}

/** Asserts a problem+json answer with this status and code; returns the problem. */
export function expectProblem(res: ApiResponse, status: number, code: string) {
  expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  expect(res.body).toMatchObject({ status, code });
  expect(res.status).toBe(status);
  expect(typeof res.body.title).toBe('string');
  expect(res.body.detail.length).toBeGreaterThan(10);
  expect(res.body.type).toBe(`/api/v1/docs#problem-${code}`);
  return res.body as {
    detail: string;
    seats?: string[];
    fields?: Record<string, string>;
    problems?: unknown[];
  };
}

/** The event's availability as the API reports it (to prove a refused request changed nothing). */
export async function availability(api: ApiHarness, eventId = api.seeded.eventId) {
  const res = await api.call('GET', `/api/v1/events/${eventId}/availability`, {
    key: api.seeded.publicKey,
  });
  expect(res.status).toBe(200);
  return res.body as {
    seq: number;
    epoch: number;
    counts: Record<string, number>;
    seats: Record<string, string>;
  };
}
