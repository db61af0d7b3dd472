// The engine's REST API (/api/v1) as the studio uses it: Bearer key, JSON bodies, problem+json
// errors turned into ApiError with the stable `code`, draft versions carried as ETag/If-Match.

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
  readonly apiKey: string;
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

  async request<T>(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<ApiResponse<T>> {
    const doFetch = this.options.fetch ?? fetch.bind(globalThis);
    let res: Response;
    try {
      res = await doFetch(`${this.options.baseUrl}/api/v1${path}`, {
        method,
        headers: {
          authorization: `Bearer ${this.options.apiKey}`,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          ...headers,
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
    } catch (err) {
      throw new ApiError(0, 'NETWORK', `Cannot reach the engine: ${(err as Error).message}`);
    }
    const text = await res.text();
    const parsed: unknown = text ? safeJson(text) : null;
    if (!res.ok) {
      const p = (parsed ?? {}) as Problem;
      const message = p.detail ?? p.title ?? `The engine answered ${res.status}`;
      throw new ApiError(res.status, p.code ?? `HTTP_${res.status}`, message, parsed);
    }
    return { body: parsed as T, etag: res.headers.get('etag') };
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return { detail: text.slice(0, 200) };
  }
}
