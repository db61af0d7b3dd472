// Door scans reach the live box office: a ticket scanned through node B's API shows in the
// attendance (scanned vs sold) of a /boxoffice screen connected to node A, without reload.
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Socket as ClientSocket } from 'socket.io-client';
import {
  BoardView,
  boxOfficeSocket,
  connected,
  startTwoNodes,
  waitFor,
  type TwoNodes,
} from '../boxoffice/harness.ts';

let nodes: TwoNodes;
let socket: ClientSocket | undefined;

beforeAll(async () => {
  nodes = await startTwoNodes();
}, 60_000);
afterAll(async () => {
  socket?.disconnect();
  await nodes?.close();
});

async function onB(method: string, path: string, body?: unknown) {
  const res = await fetch(`${nodes.b.url}/api/v1${path}`, {
    method,
    headers: {
      authorization: `Bearer ${nodes.seeded.secretKey}`,
      ...(body ? { 'content-type': 'application/json' } : {}),
    },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
  return { status: res.status, body: await res.json() };
}

it('a scan on node B raises scanned on a box-office screen of node A', async () => {
  const { eventId, secretKey } = nodes.seeded;
  socket = boxOfficeSocket(nodes.a.url, secretKey);
  await connected(socket);
  const view = new BoardView(socket);
  expect((await view.subscribe(eventId)).ok).toBe(true);
  expect(view.state!.attendance).toEqual({ scanned: 0, sold: 0 });
  const booked = await onB('POST', `/events/${eventId}/book`, { seats: ['R1-1', 'R1-2'] });
  expect(booked.status).toBe(201);
  await waitFor('the sale', () => view.state!.attendance.sold === 2);
  const tickets = await onB('GET', `/bookings/${booked.body.bookingId}/tickets`);
  const scan = await onB('POST', `/events/${eventId}/scans`, {
    code: tickets.body.tickets[0].code,
  });
  expect(scan.status).toBe(200);
  await waitFor('the scan', () => view.state!.attendance.scanned === 1);
  expect(view.state!.attendance).toEqual({ scanned: 1, sold: 2 });
});
