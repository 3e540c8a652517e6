import type { JobOutcome, JobPlan, JobRecord } from "./job";

// The lifecycle is a pure function of the clock: nothing is scheduled, so jobs survive restarts
// and a stopped server loses no transitions. Everything here is unit-testable with a fake `now`.

export type JobStatus = "queued" | "in_progress" | "completed" | "failed";

export interface JobState {
  status: JobStatus;
  progress: number;
  /** Unix seconds, set once completed. */
  completedAt: number | null;
  /** Unix seconds, set once completed. */
  expiresAt: number | null;
  /** Wall-clock ms of completion (finer than completedAt), for the CDN-delay window. */
  completedAtMs: number | null;
  failure: { code: string; message: string } | null;
}

// CHOICE: messages for failure codes other than moderation_blocked (whose text is recorded).
const FAILURE_MESSAGES: Record<string, string> = {
  moderation_blocked: "Your request was blocked by our moderation system.",
  content_filter: "The generated video was flagged by our content filter.",
  internal_error: "An internal error occurred while generating the video. Please try again.",
  processing_error: "The video could not be processed. Please try again.",
};

export function failureMessage(code: string): string {
  return FAILURE_MESSAGES[code] ?? `Video generation failed (${code}).`;
}

// CHOICE: moderation stops a job early (the prompt/first frames are checked), other failures late.
export function failureProgress(code: string): number {
  return code === "moderation_blocked" || code === "content_filter" ? 12 : 64;
}

export interface DurationInput {
  model: string;
  width: number;
  height: number;
  seconds: number;
  /** 0..1, derived from the job id, so jobs of one kind do not all finish together. */
  jitter: number;
  timeScale: number;
}

/**
 * Unscaled, a job takes about 20 s (sora-2, 4 s) to 60 s (sora-2-pro, 12 s, 1792 px): long enough
 * for a demo to show queued → in_progress → completed, short enough not to bore. A fifth of it is
 * spent queued.
 */
export function planDurations(input: DurationInput): Pick<JobPlan, "queueMs" | "renderMs"> {
  const isPro = input.model.includes("pro");
  const isLarge = Math.max(input.width, input.height) > 1280;
  const base = 14 + 1.5 * input.seconds;
  const factor = isPro ? (isLarge ? 1.8 : 1.4) : 1;
  const totalMs = base * factor * (0.9 + 0.2 * input.jitter) * 1000 * input.timeScale;
  const queueMs = Math.round(totalMs * 0.2);
  return { queueMs, renderMs: Math.round(totalMs) - queueMs };
}

function stopAt(outcome: JobOutcome): number | null {
  return outcome.kind === "complete" ? null : outcome.atProgress;
}

export function jobStateAt(job: Pick<JobRecord, "createdMs" | "plan">, nowMs: number): JobState {
  const { queueMs, renderMs, outcome, expirySeconds } = job.plan;
  const startMs = job.createdMs + queueMs;
  const base = { completedAt: null, expiresAt: null, completedAtMs: null, failure: null };
  if (nowMs < startMs) return { ...base, status: "queued", progress: 0 };

  const elapsed = nowMs - startMs;
  const stop = stopAt(outcome);
  if (stop !== null && elapsed >= (renderMs * stop) / 100) {
    // CHOICE: a failed job keeps the progress it failed at and has no completed_at/expires_at.
    if (outcome.kind === "fail") {
      return { ...base, status: "failed", progress: stop, failure: { code: outcome.code, message: outcome.message } };
    }
    return { ...base, status: "in_progress", progress: stop };
  }
  if (elapsed < renderMs) {
    return { ...base, status: "in_progress", progress: Math.min(99, Math.floor((100 * elapsed) / renderMs)) };
  }
  const completedAtMs = startMs + renderMs;
  const completedAt = Math.floor(completedAtMs / 1000);
  return {
    ...base,
    status: "completed",
    progress: 100,
    completedAtMs,
    completedAt,
    expiresAt: completedAt + expirySeconds,
  };
}

/** Content is gone from the second `expires_at` names (the same boundary the client sees). */
export function isExpired(state: JobState, nowMs: number): boolean {
  return state.expiresAt !== null && nowMs >= state.expiresAt * 1000;
}
