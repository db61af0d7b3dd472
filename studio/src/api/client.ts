// The engine's REST API (/api/v1) as the studio uses it: Bearer key or the staff session cookie,
// JSON bodies, problem+json errors turned into ApiError with the stable `code`, draft versions
// carried as ETag/If-Match.

/** An error answer from the engine, or a network failure (status 0). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly body: unknown = null,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export interface ApiClientOptions {
  /** Origin of the engine, '' for the page's own. */
  readonly baseUrl: string;
  /** A secret key; null: the staff session cookie (same origin) authenticates. */
  readonly apiKey: string | null;
  /** Injected in tests; the browser's fetch otherwise. */
  readonly fetch?: typeof fetch;
}

interface Problem {
  readonly title?: string;
  readonly detail?: string;
  readonly code?: string;
}

export interface ApiResponse<T> {
  readonly body: T;
  readonly etag: string | null;
}

/**
 * A thin typed wrapper over fetch for /api/v1.
 * @example const { body } = await client.request<{ id: string }>('GET', '/seatmaps/sm_1');
 */
export class ApiClient {
  constructor(private readonly options: ApiClientOptions) {}

  /** The API key, or null when the staff session cookie authenticates (sockets use the same). */
  get apiKey(): string | null {
    return this.options.apiKey;
  }

  async request<T>(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<ApiResponse<T>> {
    const { res, text } = await this.send(method, path, body, headers);
    const parsed: unknown = text ? safeJson(text) : null;
    return { body: parsed as T, etag: res.headers.get('etag') };
  }

  /** A GET whose answer is text (CSV): the body as the engine sent it. */
  async text(path: string): Promise<string> {
    return (await this.send('GET', path)).text;
  }

  private async send(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<{ res: Response; text: string }> {
    const doFetch = this.options.fetch ?? fetch.bind(globalThis);
    let res: Response;
    try {
      res = await doFetch(`${this.options.baseUrl}/api/v1${path}`, {
        method,
        credentials: 'same-origin',
        headers: {
          // The engine's CSRF check for cookie sessions; harmless with a key.
          'x-requested-with': 'parterre',
          ...(this.options.apiKey ? { authorization: `Bearer ${this.options.apiKey}` } : {}),
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          ...headers,
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
    } catch (err) {
      throw new ApiError(0, 'NETWORK', `Cannot reach the engine: ${(err as Error).message}`);
    }
    const text = await res.text();
    if (!res.ok) {
      const parsed: unknown = text ? safeJson(text) : null;
      const p = (parsed ?? {}) as Problem;
      const message = p.detail ?? p.title ?? `The engine answered ${res.status}`;
      throw new ApiError(res.status, p.code ?? `HTTP_${res.status}`, message, parsed);
    }
    return { res, text };
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return { detail: text.slice(0, 200) };
  }
}
