import { ProviderHttpError, ProviderNetworkError, ProviderProtocolError } from "./provider-http";

// What a failed provider call means for a task. "unknown" is the dangerous one: the provider may
// have accepted a create whose answer we never saw, so it is reconciled, never resubmitted.
export type ProviderFailure = {
  outcome: "rejected" | "unknown" | "retry_later";
  httpStatus: number | null;
  code: string;
  message: string;
  retryAfterSeconds: number | null;
};

export function classifyProviderError(error: unknown): ProviderFailure {
  if (error instanceof ProviderNetworkError) {
    return {
      outcome: "unknown",
      httpStatus: null,
      code: error.kind === "timeout" ? "timeout" : "connection_error",
      message: error.message,
      retryAfterSeconds: null,
    };
  }
  if (error instanceof ProviderHttpError) {
    const failure = {
      httpStatus: error.status,
      code: error.code,
      message: error.message,
      retryAfterSeconds: error.retryAfterSeconds,
    };
    if (error.status === 429 || error.status === 503) return { ...failure, outcome: "retry_later" };
    // A 500/502/504 may come after the job was created upstream: treat as unknown.
    if (error.status >= 500) return { ...failure, outcome: "unknown" };
    return { ...failure, outcome: "rejected" };
  }
  if (error instanceof ProviderProtocolError) {
    return {
      outcome: "unknown",
      httpStatus: null,
      code: "bad_answer",
      message: error.message,
      retryAfterSeconds: null,
    };
  }
  return {
    outcome: "unknown",
    httpStatus: null,
    code: "unexpected",
    message: error instanceof Error ? error.message : String(error),
    retryAfterSeconds: null,
  };
}
