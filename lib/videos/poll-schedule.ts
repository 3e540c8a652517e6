import { env } from "@/lib/env";
import { findModel } from "@/lib/models";

// How soon to ask the provider again. Young jobs move fast (5 s), older ones are polled every
// 15 s, then 30 s; a retry-after from the provider always wins when longer. STUDIO_POLL_SCALE
// shrinks all of it for tests.
export function pollDelayMs(jobAgeMs: number, retryAfterSeconds: number | null = null, scale = env.pollScale): number {
  const base = jobAgeMs < 60_000 ? 5_000 : jobAgeMs < 5 * 60_000 ? 15_000 : 30_000;
  return Math.max(base * scale, (retryAfterSeconds ?? 0) * 1000);
}

/**
 * The next poll of a running job that reported `progress` (0–100) after `jobAgeMs`: as
 * pollDelayMs, but when the progress so far says the job should end sooner than that, at its
 * expected end — never sooner than the young job's interval (5 s), so the provider is not asked
 * more often than in a job's first minute. A job found finished seconds after it finished is
 * saved seconds after (issue 12: archived within a few seconds of completing).
 */
export function nextPollDelayMs(jobAgeMs: number, progress: number | null, scale = env.pollScale): number {
  const base = pollDelayMs(jobAgeMs, null, scale);
  if (progress === null || !(progress > 0 && progress < 100) || jobAgeMs <= 0) return base;
  const expectedLeftMs = (jobAgeMs * (100 - progress)) / progress;
  return Math.min(base, Math.max(5_000 * scale, expectedLeftMs));
}

/** Archive retries: 2 s, 4 s, 8 s … capped at 2 minutes (scaled), until the provider's copy expires. */
export function archiveRetryDelayMs(
  attempt: number,
  retryAfterSeconds: number | null = null,
  scale = env.pollScale,
): number {
  const base = Math.min(2_000 * 2 ** Math.max(0, attempt - 1), 120_000);
  return Math.max(base * scale, (retryAfterSeconds ?? 0) * 1000);
}

/** A model the registry no longer lists gets an hour. */
const DEFAULT_TIME_LIMIT_S = 60 * 60;

/** How long a job of this model may run before it is given up (lib/models), scaled. */
export function runTimeLimitMs(channel: string, model: string, scale = env.pollScale): number {
  const spec = findModel(channel, model);
  return (spec?.timeLimitSeconds ?? DEFAULT_TIME_LIMIT_S) * 1000 * scale;
}

/** After giving up, the job is still asked about now and then, for a day, in case it finishes. */
export const LATE_WATCH_MS = 24 * 3600_000;

export function latePollDelayMs(scale = env.pollScale): number {
  return 10 * 60_000 * scale;
}

/**
 * How long a job of this model and length usually takes (lib/models `usualSeconds`, for the
 * model's default length, longer clips in proportion; absent: 60 s + 20 s per second of video),
 * never more than half its time limit; scaled. Past it without progress a job is "taking longer
 * than usual" (stuck-jobs.ts).
 */
export function usualRunMs(channel: string, model: string, seconds: number, scale = env.pollScale): number {
  const spec = findModel(channel, model);
  const usual = spec?.usualSeconds
    ? spec.usualSeconds * Math.max(1, seconds / spec.defaultSeconds)
    : 60 + 20 * Math.max(1, seconds);
  const limit = spec?.timeLimitSeconds ?? DEFAULT_TIME_LIMIT_S;
  return Math.round(Math.min(usual, limit / 2) * 1000 * scale);
}
