// The lifecycle the two-node socket tests share: both nodes start once for the test file and
// close after it, and every client socket a test opens is disconnected after that test, so a
// failing test does not leave sockets that feed the next one.
import type { Socket as ClientSocket } from 'socket.io-client';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { startTwoNodes, type TwoNodes } from './harness.ts';

/**
 * Registers the file's hooks; `started` receives the nodes before the first test. Returns the
 * list to push client sockets to.
 * @example const sockets = twoNodesPerFile((n) => (nodes = n));
 */
export function twoNodesPerFile(started: (nodes: TwoNodes) => void): ClientSocket[] {
  let nodes: TwoNodes | undefined;
  const sockets: ClientSocket[] = [];
  beforeAll(async () => {
    nodes = await startTwoNodes();
    started(nodes);
  }, 60_000);
  afterEach(() => {
    for (const s of sockets.splice(0)) s.disconnect();
  });
  afterAll(async () => {
    await nodes?.close();
  });
  return sockets;
}
