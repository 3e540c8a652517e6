import { APIConnectionError, APIConnectionTimeoutError, APIError } from "openai";

// What a failed provider call means for a task. "unknown" is the dangerous one: the provider may
// have accepted a create whose answer we never saw, so it is reconciled, never resubmitted.
export type ProviderFailure = {
  outcome: "rejected" | "unknown" | "retry_later";
  httpStatus: number | null;
  code: string;
  message: string;
  retryAfterSeconds: number | null;
};

function retryAfter(headers: Headers | undefined): number | null {
  const ms = headers?.get("retry-after-ms");
  if (ms && Number.isFinite(Number(ms))) return Math.ceil(Number(ms) / 1000);
  const value = headers?.get("retry-after");
  if (!value) return null;
  if (/^\d+(\.\d+)?$/.test(value)) return Math.ceil(Number(value));
  const at = Date.parse(value);
  return Number.isNaN(at) ? null : Math.max(0, Math.ceil((at - Date.now()) / 1000));
}

export function classifyProviderError(error: unknown): ProviderFailure {
  if (error instanceof APIConnectionTimeoutError) {
    return {
      outcome: "unknown",
      httpStatus: null,
      code: "timeout",
      message: "The provider did not answer in time.",
      retryAfterSeconds: null,
    };
  }
  if (error instanceof APIConnectionError) {
    return {
      outcome: "unknown",
      httpStatus: null,
      code: "connection_error",
      message: error.message || "The connection to the provider failed.",
      retryAfterSeconds: null,
    };
  }
  if (error instanceof APIError && typeof error.status === "number") {
    const status = error.status;
    const body = (error.error ?? {}) as { message?: unknown; code?: unknown; type?: unknown };
    const message =
      typeof body.message === "string" ? body.message : typeof error.error === "string" ? error.error : error.message;
    const code =
      typeof body.code === "string"
        ? body.code
        : status === 429
          ? "rate_limited"
          : status === 401
            ? "invalid_api_key"
            : `http_${status}`;
    const failure = { httpStatus: status, code, message, retryAfterSeconds: retryAfter(error.headers) };
    if (status === 429 || status === 503) return { ...failure, outcome: "retry_later" };
    // A 500/502/504 may come after the job was created upstream: treat as unknown.
    if (status >= 500) return { ...failure, outcome: "unknown" };
    return { ...failure, outcome: "rejected" };
  }
  return {
    outcome: "unknown",
    httpStatus: null,
    code: "unexpected",
    message: error instanceof Error ? error.message : String(error),
    retryAfterSeconds: null,
  };
}
