import { describe, expect, it } from "vitest";
import type { JobPlan } from "@/lib/simulator/job";
import { failureMessage, isExpired, jobStateAt, planDurations } from "@/lib/simulator/job-clock";

const created = 1_800_000_000_000;

function job(plan: Partial<JobPlan> = {}) {
  return {
    createdMs: created,
    plan: { queueMs: 4000, renderMs: 16000, outcome: { kind: "complete" as const }, expirySeconds: 3600, ...plan },
  };
}

describe("planDurations", () => {
  const base = { model: "sora-2", width: 720, height: 1280, seconds: 4, jitter: 0.5, timeScale: 1 };
  const total = (input: Partial<typeof base>) => {
    const d = planDurations({ ...base, ...input });
    return d.queueMs + d.renderMs;
  };

  it("takes roughly 20 to 60 seconds at real speed", () => {
    expect(total({})).toBeGreaterThanOrEqual(18_000);
    expect(total({})).toBeLessThanOrEqual(22_000);
    const longest = total({ model: "sora-2-pro", width: 1792, height: 1024, seconds: 12, jitter: 1 });
    expect(longest).toBeGreaterThan(50_000);
    expect(longest).toBeLessThanOrEqual(66_000);
  });

  it("is longer for more seconds and for pro", () => {
    expect(total({ seconds: 12 })).toBeGreaterThan(total({ seconds: 8 }));
    expect(total({ seconds: 8 })).toBeGreaterThan(total({ seconds: 4 }));
    expect(total({ model: "sora-2-pro" })).toBeGreaterThan(total({}));
    expect(total({ model: "sora-2-pro", width: 1024, height: 1792 })).toBeGreaterThan(total({ model: "sora-2-pro" }));
  });

  it("scales with the time scale", () => {
    expect(total({ timeScale: 0.01 })).toBeCloseTo(total({}) / 100, -1);
    expect(total({ timeScale: 0 })).toBe(0);
  });

  it("spends a fifth of the time queued", () => {
    const d = planDurations(base);
    expect(d.queueMs / (d.queueMs + d.renderMs)).toBeCloseTo(0.2, 2);
  });
});

describe("jobStateAt", () => {
  it("is queued, then in progress with rising progress, then completed", () => {
    const j = job();
    expect(jobStateAt(j, created)).toMatchObject({ status: "queued", progress: 0, completedAt: null, expiresAt: null });
    expect(jobStateAt(j, created + 3999).status).toBe("queued");
    let last = -1;
    for (let t = 4000; t < 20000; t += 500) {
      const state = jobStateAt(j, created + t);
      expect(state.status).toBe("in_progress");
      expect(Number.isInteger(state.progress)).toBe(true);
      expect(state.progress).toBeGreaterThanOrEqual(last);
      expect(state.progress).toBeLessThan(100);
      last = state.progress;
    }
    expect(last).toBeGreaterThan(90);
    const done = jobStateAt(j, created + 20000);
    expect(done).toMatchObject({ status: "completed", progress: 100, failure: null });
    expect(done.completedAt).toBe(Math.floor((created + 20000) / 1000));
    expect(done.expiresAt).toBe((done.completedAt ?? 0) + 3600);
  });

  it("fails at the planned progress with code and message", () => {
    const j = job({
      outcome: {
        kind: "fail",
        code: "moderation_blocked",
        message: failureMessage("moderation_blocked"),
        atProgress: 25,
      },
    });
    expect(jobStateAt(j, created + 4000 + 3999).status).toBe("in_progress");
    const failed = jobStateAt(j, created + 4000 + 4000);
    expect(failed).toMatchObject({ status: "failed", progress: 25, completedAt: null, expiresAt: null });
    expect(failed.failure).toEqual({
      code: "moderation_blocked",
      message: "Your request was blocked by our moderation system.",
    });
    expect(jobStateAt(j, created + 10_000_000).status).toBe("failed");
  });

  it("stalls in progress forever", () => {
    const j = job({ outcome: { kind: "stall", atProgress: 40 } });
    expect(jobStateAt(j, created + 10_000_000)).toMatchObject({ status: "in_progress", progress: 40 });
  });

  it("expires content at expires_at, to the second the client sees", () => {
    const j = job({ expirySeconds: 10 });
    const state = jobStateAt(j, created + 20000);
    const expiresMs = (state.expiresAt ?? 0) * 1000;
    expect(isExpired(state, expiresMs - 1)).toBe(false);
    expect(isExpired(state, expiresMs)).toBe(true);
  });

  it("completes at once with a zero time scale", () => {
    expect(jobStateAt(job({ queueMs: 0, renderMs: 0 }), created).status).toBe("completed");
  });
});
