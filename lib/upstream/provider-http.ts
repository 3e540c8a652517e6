// The studio's only HTTP client for providers. Every dialect goes through `providerRequest`, so
// timeouts, auth headers, error bodies and retry-after are read one way. No retries here: whether
// a call may be repeated is the caller's decision (a create must never be repeated blindly).

import type { CatalogueEntry } from "@/lib/models";

export type AuthStyle = "bearer" | "raw";

/**
 * What a dialect may ask about its connection beyond the key (lib/upstream/connection-context.ts
 * reads the database): the cached catalogue entry of a model, and where the provider should call
 * back with which signing secret (null: no callback, polling only).
 */
export type ConnectionContext = {
  catalogueEntry(modelId: string): Promise<CatalogueEntry | null>;
  callback(): Promise<{ url: string; secret: string } | null>;
};

/** A provider as an adapter needs it: where, which dialect, and the decrypted key (server only). */
export type UpstreamConnection = {
  dialect: string;
  baseUrl: string;
  apiKey: string;
  auth: AuthStyle;
  /** Set for connections stored in the database (catalogue and callbacks); absent in bare calls. */
  context?: ConnectionContext;
};

/** The provider answered with an HTTP error. `code` and `message` come from its body when it has them. */
export class ProviderHttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly retryAfterSeconds: number | null,
  ) {
    super(message);
    this.name = "ProviderHttpError";
  }
}

/** No answer: the connection failed or the time ran out. The provider may have acted anyway. */
export class ProviderNetworkError extends Error {
  constructor(
    readonly kind: "timeout" | "connection",
    message: string,
  ) {
    super(message);
    this.name = "ProviderNetworkError";
  }
}

/** The provider answered 2xx with something we cannot read as its dialect's job. */
export class ProviderProtocolError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ProviderProtocolError";
  }
}

export type ProviderRequest = {
  method?: "GET" | "POST" | "DELETE";
  /** Relative to the connection's base URL, e.g. "/videos/abc". */
  path: string;
  query?: Record<string, string | number | undefined>;
  json?: unknown;
  form?: FormData;
  /** Extra request headers (OpenRouter's callback signing secret). */
  headers?: Record<string, string>;
  timeoutMs: number;
};

export function authHeader(connection: UpstreamConnection): string {
  return connection.auth === "raw" ? connection.apiKey : `Bearer ${connection.apiKey}`;
}

export function providerUrl(baseUrl: string, path: string, query?: ProviderRequest["query"]): URL {
  const url = new URL(baseUrl.replace(/\/+$/, "") + path);
  for (const [key, value] of Object.entries(query ?? {}))
    if (value !== undefined) url.searchParams.set(key, String(value));
  return url;
}

/** Sends one request and returns the response when it is 2xx; throws ProviderHttpError / ProviderNetworkError otherwise. */
export async function providerRequest(connection: UpstreamConnection, request: ProviderRequest): Promise<Response> {
  const headers: Record<string, string> = {
    ...request.headers,
    authorization: authHeader(connection),
    accept: "application/json",
  };
  let body: BodyInit | undefined;
  if (request.form) body = request.form;
  else if (request.json !== undefined) {
    headers["content-type"] = "application/json";
    body = JSON.stringify(request.json);
  }
  return send(providerUrl(connection.baseUrl, request.path, request.query), {
    method: request.method ?? "GET",
    headers,
    body,
    timeoutMs: request.timeoutMs,
  });
}

export async function providerJson(connection: UpstreamConnection, request: ProviderRequest): Promise<unknown> {
  const response = await providerRequest(connection, request);
  const body = await readText(response);
  try {
    return JSON.parse(body) as unknown;
  } catch {
    throw new ProviderProtocolError(`Expected JSON, got: ${body.slice(0, 200)}`);
  }
}

/**
 * Fetches a result URL from a job's body. Signed links (S3, CDNs) refuse extra credentials and
 * must never see our key, so it is sent only to URLs under the connection's own API base (API易's
 * `…/v1/videos/{id}/content`), never to a CDN path, even on the same host.
 */
export async function fetchResultUrl(
  connection: UpstreamConnection,
  url: string,
  timeoutMs: number,
): Promise<Response> {
  const target = new URL(url, connection.baseUrl);
  const base = new URL(connection.baseUrl.replace(/\/+$/, "") + "/");
  const underApi = target.origin === base.origin && target.pathname.startsWith(base.pathname);
  return send(target, {
    method: "GET",
    headers: underApi ? { authorization: authHeader(connection) } : {},
    timeoutMs,
  });
}

async function send(
  url: URL,
  init: { method: string; headers: Record<string, string>; body?: BodyInit; timeoutMs: number },
): Promise<Response> {
  let response: Response;
  try {
    response = await fetch(url, {
      method: init.method,
      headers: init.headers,
      body: init.body,
      signal: AbortSignal.timeout(init.timeoutMs),
      redirect: "follow",
    });
  } catch (error) {
    if (error instanceof Error && (error.name === "TimeoutError" || error.name === "AbortError"))
      throw new ProviderNetworkError("timeout", "The provider did not answer in time.");
    const cause = error instanceof Error && error.cause instanceof Error ? `: ${error.cause.message}` : "";
    throw new ProviderNetworkError("connection", `The connection to the provider failed${cause}`);
  }
  if (response.ok) return response;
  // An error whose body is cut off is no answer at all: the provider may have acted.
  const text = await readText(response);
  const { code, message } = errorFromBody(response.status, text);
  throw new ProviderHttpError(response.status, code, message, retryAfter(response.headers));
}

async function readText(response: Response): Promise<string> {
  try {
    return await response.text();
  } catch (error) {
    if (error instanceof Error && (error.name === "TimeoutError" || error.name === "AbortError"))
      throw new ProviderNetworkError("timeout", "The provider did not answer in time.");
    throw new ProviderNetworkError("connection", `The answer was cut off before its end (HTTP ${response.status})`);
  }
}

/** `{error:{code,message}}`, `{error:"text"}`, `{message}`, `{code,msg}` or plain text. */
export function errorFromBody(status: number, body: string): { code: string; message: string } {
  const fallbackCode =
    status === 429 ? "rate_limited" : status === 401 || status === 403 ? "invalid_api_key" : `http_${status}`;
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return { code: fallbackCode, message: body.trim().slice(0, 500) || `HTTP ${status}` };
  }
  const record = (value: unknown): Record<string, unknown> | null =>
    typeof value === "object" && value !== null ? (value as Record<string, unknown>) : null;
  const top = record(parsed) ?? {};
  const inner = record(top.error);
  const str = (value: unknown) => (typeof value === "string" && value ? value : null);
  const message =
    str(inner?.message) ?? str(top.error) ?? str(top.message) ?? str(top.msg) ?? body.slice(0, 500) ?? `HTTP ${status}`;
  const code = str(inner?.code) ?? str(top.code) ?? fallbackCode;
  return { code, message };
}

function retryAfter(headers: Headers): number | null {
  const ms = headers.get("retry-after-ms");
  if (ms && Number.isFinite(Number(ms))) return Math.ceil(Number(ms) / 1000);
  const value = headers.get("retry-after");
  if (!value) return null;
  if (/^\d+(\.\d+)?$/.test(value)) return Math.ceil(Number(value));
  const at = Date.parse(value);
  return Number.isNaN(at) ? null : Math.max(0, Math.ceil((at - Date.now()) / 1000));
}
