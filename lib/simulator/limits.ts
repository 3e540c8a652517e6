import { SimulatorHttpError } from "./errors";
import type { ChannelLimits } from "./profiles/profile";

// Per-key channel limits (API易 官逆: 10 creates a minute, 5 running). Kept in memory: a restart
// forgets the create window, like a gateway's counters; running jobs are counted from the jobs.

export function rateLimitExceeded(message: string, retryAfterSeconds: number): SimulatorHttpError {
  return new SimulatorHttpError(
    429,
    { message, type: "rate_limit_error", param: null, code: "rate_limit_exceeded" },
    { "retry-after": String(Math.max(1, Math.ceil(retryAfterSeconds))) },
  );
}

export class CreateLimiter {
  private readonly creates = new Map<string, number[]>();

  constructor(
    private readonly limits: ChannelLimits,
    /** Length of the create window in real ms (60 s × time scale unless configured). */
    private readonly windowMs: number,
  ) {}

  /**
   * Throws 429 when `owner` may not create now: too many creates in the window, or too many jobs
   * still running (`running`, counted by the caller).
   */
  check(owner: string, nowMs: number, running: number): void {
    const recent = this.recent(owner, nowMs);
    if (recent.length >= this.limits.createsPerWindow) {
      const oldest = recent[0] ?? nowMs;
      throw rateLimitExceeded(
        `Rate limit exceeded: at most ${this.limits.createsPerWindow} video requests per minute per key.`,
        (oldest + this.windowMs - nowMs) / 1000,
      );
    }
    if (running >= this.limits.maxRunning) {
      throw rateLimitExceeded(
        `Too many running tasks: at most ${this.limits.maxRunning} videos may be generating at once per key.`,
        1,
      );
    }
  }

  /** Counts an accepted create (rejected requests do not count). */
  record(owner: string, nowMs: number): void {
    const list = this.recent(owner, nowMs);
    list.push(nowMs);
    this.creates.set(owner, list);
  }

  private recent(owner: string, nowMs: number): number[] {
    const list = (this.creates.get(owner) ?? []).filter((at) => at > nowMs - this.windowMs);
    this.creates.set(owner, list);
    return list;
  }
}
