// The rush's HTTP client: keep-alive connections per node and one cap on requests in flight
// across all visitors, as a fleet of browsers behind a few proxies would look to the engine.
// Latency is measured from when a request gets a slot, so the cap's queue does not count.
import { Agent, request } from 'node:http';

export interface Answer {
  status: number;
  body: any; // eslint-disable-line @typescript-eslint/no-explicit-any -- JSON answers
  ms: number;
}

/** A counting semaphore. */
class Slots {
  private waiting: (() => void)[] = [];
  constructor(private free: number) {}
  async take(): Promise<void> {
    if (this.free > 0) {
      this.free--;
      return;
    }
    await new Promise<void>((r) => this.waiting.push(r));
  }
  give(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.free++;
  }
}

/** A JSON client of several base URLs sharing `concurrency` slots. */
export class RushHttp {
  private readonly slots: Slots;
  private readonly agents: Agent[];
  /** Completion times (ms since `t0`) of every request, for the peak rate. */
  readonly done: number[] = [];

  constructor(
    private readonly urls: string[],
    concurrency: number,
    private readonly t0: number,
  ) {
    this.slots = new Slots(concurrency);
    // Idle sockets are dropped after 4 s, before the engine's 5 s keep-alive timeout closes them
    // under a request that is just being sent.
    this.agents = urls.map(
      () => new Agent({ keepAlive: true, maxSockets: concurrency, timeout: 4_000 }),
    );
  }

  /** Sends one request to node `node`; rejects only on network failure. */
  async call(
    node: number,
    method: string,
    path: string,
    key: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<Answer> {
    await this.slots.take();
    const started = performance.now();
    try {
      const answer = await this.send(node, method, path, key, body, headers).catch(
        (err: unknown) => {
          // A kept-alive socket the server closed just before our request reached it: the request
          // was never processed (Node's documented reusedSocket retry), so send it once more.
          if ((err as { reusedSocket?: boolean }).reusedSocket) {
            return this.send(node, method, path, key, body, headers);
          }
          throw err;
        },
      );
      this.done.push(performance.now() - this.t0);
      return { ...answer, ms: performance.now() - started };
    } finally {
      this.slots.give();
    }
  }

  private send(
    node: number,
    method: string,
    path: string,
    key: string,
    body: unknown,
    headers: Record<string, string>,
  ): Promise<{ status: number; body: unknown }> {
    const url = new URL(path, this.urls[node % this.urls.length]);
    const payload = body === undefined ? undefined : JSON.stringify(body);
    return new Promise((resolve, reject) => {
      const req = request(
        url,
        {
          method,
          agent: this.agents[node % this.agents.length],
          headers: {
            authorization: `Bearer ${key}`,
            ...(payload ? { 'content-type': 'application/json' } : {}),
            ...(payload ? { 'content-length': Buffer.byteLength(payload) } : {}),
            ...headers,
          },
        },
        (res) => {
          let text = '';
          res.setEncoding('utf8');
          res.on('data', (c: string) => (text += c));
          res.on('end', () => {
            const json = /json/.test(res.headers['content-type'] ?? '');
            resolve({ status: res.statusCode ?? 0, body: json && text ? JSON.parse(text) : text });
          });
        },
      );
      req.on('error', (err: NodeJS.ErrnoException) =>
        reject(Object.assign(err, { reusedSocket: req.reusedSocket && err.code === 'ECONNRESET' })),
      );
      req.end(payload);
    });
  }

  /** The most requests completed in any one-second window. */
  peakPerSecond(): number {
    const per = new Map<number, number>();
    for (const t of this.done)
      per.set(Math.floor(t / 1000), (per.get(Math.floor(t / 1000)) ?? 0) + 1);
    return Math.max(0, ...per.values());
  }

  close(): void {
    this.agents.forEach((a) => a.destroy());
  }
}
