import type { ProviderJob } from "@/lib/upstream/provider-job";

// The provider's last answer about a job, kept on the task (VideoTask.lastProviderAnswer) for the
// timeline and the stuck-jobs page: what it said (status, progress) or how asking failed (error
// code and message). Short JSON, never secrets: URLs lose their query and path (signed links carry
// tokens there), anything shaped like a key or a bearer token is masked, text is capped.

export type ProviderAnswer = {
  /** The provider's word as sent ("in_progress", "PROCESSING"), or null when asking failed. */
  status: string | null;
  progress: number | null;
  /** The job's error, or why the poll got no answer (HTTP status or network). */
  error: { code: string; message: string } | null;
  /** HTTP status of a failed poll, when there was one. */
  httpStatus: number | null;
};

const MAX_MESSAGE = 200;
const MAX_JSON = 400;

/** Masks links, keys and tokens in a provider's text, and caps it. */
export function scrubProviderText(text: string, max = MAX_MESSAGE): string {
  const clean = text
    .replace(/\b(https?:\/\/)([^\s/?#"'<>]+)[^\s"'<>]*/gi, "$1$2/…")
    .replace(/\b(bearer)\s+[\w.~+/=-]+/gi, "$1 …")
    .replace(/\b(sk|pk|rk|key|token)[-_][\w-]{6,}/gi, "$1-…")
    .replace(/\b[A-Za-z0-9_-]{32,}\b/g, "…")
    .replace(/\s+/g, " ")
    .trim();
  return clean.length > max ? `${clean.slice(0, max - 1)}…` : clean;
}

export function answerOfJob(video: ProviderJob): ProviderAnswer {
  return {
    status: scrubProviderText(video.rawStatus || video.status, 40),
    progress: video.progress,
    error: video.error
      ? { code: scrubProviderText(video.error.code, 60), message: scrubProviderText(video.error.message) }
      : null,
    httpStatus: null,
  };
}

export function answerOfFailure(failure: { code: string; message: string; httpStatus: number | null }): ProviderAnswer {
  return {
    status: null,
    progress: null,
    error: { code: scrubProviderText(failure.code, 60), message: scrubProviderText(failure.message) },
    httpStatus: failure.httpStatus,
  };
}

/** The column's value: at most 400 characters of JSON (the message shortened further if needed). */
export function answerJson(answer: ProviderAnswer): string {
  let json = JSON.stringify(answer);
  if (json.length > MAX_JSON && answer.error) {
    const room = Math.max(20, answer.error.message.length - (json.length - MAX_JSON) - 1);
    json = JSON.stringify({
      ...answer,
      error: { ...answer.error, message: `${answer.error.message.slice(0, room)}…` },
    });
  }
  return json.length <= MAX_JSON
    ? json
    : JSON.stringify({ ...answer, status: answer.status?.slice(0, 40) ?? null, error: null });
}

/** Reads the column back; anything unreadable is null (never thrown at a page). */
export function parseAnswer(json: string | null): ProviderAnswer | null {
  if (!json) return null;
  try {
    const value = JSON.parse(json) as Partial<ProviderAnswer>;
    if (!value || typeof value !== "object") return null;
    const error =
      value.error && typeof value.error.code === "string" && typeof value.error.message === "string"
        ? { code: value.error.code, message: value.error.message }
        : null;
    return {
      status: typeof value.status === "string" ? value.status : null,
      progress: typeof value.progress === "number" ? value.progress : null,
      error,
      httpStatus: typeof value.httpStatus === "number" ? value.httpStatus : null,
    };
  } catch {
    return null;
  }
}
