import type { TokenPair } from '@ai-router/contracts';
import { tokenStore, type TokenStore } from './token-store';

/** An API failure carrying the stable `code` from the API's `{ error: { code, message } }` shape. */
export class ApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
    /** HTTP status; 0 when the server could not be reached. */
    readonly status: number,
    /** The request field the API blames, when it names one. */
    readonly param: string | null = null,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

interface ErrorBody {
  error?: { code?: unknown; type?: unknown; message?: unknown; param?: unknown };
}

/** Maps a failed response to an ApiError, with a readable fallback when the body is not our shape. */
export function toApiError(status: number, body: unknown): ApiError {
  const error = (body as ErrorBody | null)?.error;
  // /v1 routes use the OpenAI envelope, whose `code` may be null; `type` is the next best identifier.
  const code = [error?.code, error?.type].find((v): v is string => typeof v === 'string' && v !== '');
  const message = typeof error?.message === 'string' && error.message !== '' ? error.message : undefined;
  const param = typeof error?.param === 'string' && error.param !== '' ? error.param : null;
  if (code && message) return new ApiError(code, message, status, param);
  if (status >= 500) {
    return new ApiError(code ?? 'server_error', message ?? `The server had a problem (HTTP ${status}). Try again shortly.`, status);
  }
  return new ApiError(code ?? `http_${status}`, message ?? `The request failed (HTTP ${status}).`, status);
}

export interface RequestOptions {
  body?: unknown;
  signal?: AbortSignal;
}

type NoBody = Omit<RequestOptions, 'body'>;

export interface ApiClient {
  request<T>(method: string, path: string, options?: RequestOptions): Promise<T>;
  get<T>(path: string, options?: NoBody): Promise<T>;
  post<T>(path: string, body?: unknown, options?: NoBody): Promise<T>;
  patch<T>(path: string, body?: unknown, options?: NoBody): Promise<T>;
  delete<T = void>(path: string, options?: NoBody): Promise<T>;
  /** A file the API sends as an attachment (an invoice PDF or CSV), with the name it suggests. */
  download(path: string, options?: NoBody): Promise<DownloadedFile>;
}

export interface DownloadedFile {
  blob: Blob;
  filename: string;
}

interface ClientDeps {
  fetch: typeof globalThis.fetch;
  tokens: TokenStore;
}

export const REFRESH_PATH = '/api/auth/refresh';

export function createApiClient({ fetch, tokens }: ClientDeps): ApiClient {
  /** One refresh at a time: refresh tokens are single use, so parallel 401s must share the answer. */
  let refreshing: Promise<boolean> | null = null;

  function refresh(staleToken: string): Promise<boolean> {
    const latest = tokens.get();
    if (latest && latest !== staleToken) return Promise.resolve(true); // Another request already refreshed.
    const refreshToken = tokens.getRefresh();
    if (!refreshToken) return Promise.resolve(false);
    refreshing ??= (async () => {
      try {
        const response = await fetch(REFRESH_PATH, {
          method: 'POST',
          headers: { Accept: 'application/json', 'Content-Type': 'application/json' },
          body: JSON.stringify({ refreshToken }),
        });
        if (!response.ok) return false;
        const pair = (await response.json()) as Partial<TokenPair>;
        if (typeof pair.accessToken !== 'string') return false;
        tokens.setSession(pair.accessToken, pair.refreshToken ?? null);
        return true;
      } catch {
        return false;
      } finally {
        refreshing = null;
      }
    })();
    return refreshing;
  }

  /** Sends with the bearer token; a rejected token gets one refresh and one retry. Throws ApiError on failure. */
  async function send(method: string, path: string, { body, signal }: RequestOptions, accept: string, retried = false): Promise<Response> {
    const token = tokens.get();
    const headers: Record<string, string> = { Accept: accept };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    if (token) headers.Authorization = `Bearer ${token}`;

    let response: Response;
    try {
      response = await fetch(path, { method, headers, signal, body: body === undefined ? undefined : JSON.stringify(body) });
    } catch (err) {
      if (signal?.aborted) throw err; // Cancellation is not a failure to report.
      throw new ApiError('network_error', "Can't reach the server. Check your connection and try again.", 0);
    }
    if (response.ok) return response;
    // A rejected token gets one refresh and one retry; if that fails the session is over, and clearing
    // the token sends the console back to sign-in. Without a token a 401 is an ordinary answer (for
    // example wrong credentials on login).
    if (response.status === 401 && token) {
      if (!retried && (await refresh(token))) return send(method, path, { body, signal }, accept, true);
      if (tokens.get() === token || tokens.get() === null) tokens.clear();
    }
    throw toApiError(response.status, await readJson(response));
  }

  async function request<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
    const response = await send(method, path, options, 'application/json');
    const payload = await readJson(response);
    if (payload === INVALID_JSON) {
      throw new ApiError('invalid_response', 'The server sent an unexpected response.', response.status);
    }
    return payload as T;
  }

  async function download(path: string, options: NoBody = {}): Promise<DownloadedFile> {
    const response = await send('GET', path, options, '*/*');
    const disposition = response.headers.get('content-disposition') ?? '';
    const filename = /filename="?([^";]+)"?/.exec(disposition)?.[1] ?? path.split('/').pop() ?? 'download';
    return { blob: await response.blob(), filename };
  }

  return {
    request: (method, path, options) => request(method, path, options),
    get: (path, options) => request('GET', path, options),
    post: (path, body, options) => request('POST', path, { ...options, body }),
    patch: (path, body, options) => request('PATCH', path, { ...options, body }),
    delete: (path, options) => request('DELETE', path, options),
    download,
  };
}

const INVALID_JSON = Symbol('invalid-json');

/** Empty bodies (204) read as undefined; a non-JSON body (an HTML proxy error page) as INVALID_JSON. */
async function readJson(response: Response): Promise<unknown> {
  const text = await response.text();
  if (text === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return INVALID_JSON;
  }
}

// A wrapper rather than a bare reference: browsers throw "Illegal invocation" when fetch loses its `this`.
export const api = createApiClient({ fetch: (input, init) => globalThis.fetch(input, init), tokens: tokenStore });
