// The one shape every dialect's answer is turned into (lib/upstream/dialects/*). Nothing outside
// lib/upstream sees a provider's own JSON: statuses, progress, errors, result locations, expiry
// and billed amounts are normalised here, and a status we do not know is kept as text and
// treated as still running.

export const JOB_STATUSES = ["queued", "in_progress", "completed", "failed", "cancelled", "expired"] as const;
export type JobStatus = (typeof JOB_STATUSES)[number];

export const TERMINAL_JOB_STATUSES: readonly string[] = ["completed", "failed", "cancelled", "expired"];

/** The media a finished job may offer. */
export type ResultVariant = "video" | "thumbnail" | "spritesheet";

/**
 * Where a finished job's bytes are: the provider's `/content` endpoint (with the variants it
 * serves), or a URL in the job's body (fetched without our key unless it is on the provider's own
 * host).
 */
export type JobResult = { kind: "content"; variants: readonly ResultVariant[] } | { kind: "url"; url: string };

export type ProviderJob = {
  id: string;
  /** One of JOB_STATUSES, or the provider's own word (lower-cased) when it is not one of ours. */
  status: string;
  /** The provider's word as sent, for the timeline. */
  rawStatus: string;
  /** 0–100, whole numbers. */
  progress: number;
  error: { code: string; message: string } | null;
  /** null until the job completes. */
  result: JobResult | null;
  model: string | null;
  size: string | null;
  seconds: string | null;
  prompt: string | null;
  remixedFrom: string | null;
  createdAt: Date | null;
  completedAt: Date | null;
  /** When the provider's copy goes away, when it says so. */
  expiresAt: Date | null;
  /** What the provider says it billed, in integer US cents, when it says so. */
  billedCents: number | null;
};

const ALIASES: Record<string, JobStatus> = {
  queued: "queued",
  submitted: "queued",
  pending: "queued",
  not_start: "queued",
  in_progress: "in_progress",
  processing: "in_progress",
  running: "in_progress",
  generating: "in_progress",
  completed: "completed",
  succeeded: "completed",
  success: "completed",
  succeed: "completed",
  failed: "failed",
  failure: "failed",
  error: "failed",
  cancelled: "cancelled",
  canceled: "cancelled",
  expired: "expired",
};

/** A provider's status word in our set; an unknown word is kept (lower-cased) and counts as running. */
export function normaliseStatus(raw: unknown): string {
  const word = typeof raw === "string" ? raw.trim().toLowerCase() : "";
  if (!word) return "in_progress";
  return ALIASES[word] ?? word;
}

export function isTerminalJobStatus(status: string): boolean {
  return TERMINAL_JOB_STATUSES.includes(status);
}

/** 0–100 from a number, "45", "45%" or "0.45"-free strings; anything else gives `fallback`. */
export function normaliseProgress(raw: unknown, fallback = 0): number {
  const value = typeof raw === "number" ? raw : typeof raw === "string" ? Number.parseFloat(raw) : Number.NaN;
  if (!Number.isFinite(value)) return fallback;
  return Math.max(0, Math.min(100, Math.round(value)));
}

/** Seconds since the epoch (number or numeric string) or an ISO date → Date; anything else → null. */
export function toDate(raw: unknown): Date | null {
  if (typeof raw === "number" && raw > 0) return new Date(raw < 1e11 ? raw * 1000 : raw);
  if (typeof raw === "string" && raw.trim()) {
    if (/^\d+(\.\d+)?$/.test(raw.trim())) return toDate(Number(raw));
    const ms = Date.parse(raw);
    return Number.isNaN(ms) ? null : new Date(ms);
  }
  return null;
}

export const text = (raw: unknown): string | null =>
  typeof raw === "string" ? raw : typeof raw === "number" ? String(raw) : null;
