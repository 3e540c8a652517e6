import { describe, expect, it } from "vitest";
import { SimulatorHttpError } from "@/lib/simulator/errors";
import { CreateLimiter } from "@/lib/simulator/limits";

function refusal(run: () => void): SimulatorHttpError | null {
  try {
    run();
    return null;
  } catch (error) {
    if (error instanceof SimulatorHttpError) return error;
    throw error;
  }
}

describe("CreateLimiter (yi-reverse: 10 creates per window, 5 running, per key)", () => {
  const limits = { createsPerWindow: 10, maxRunning: 5 };

  it("refuses the 11th create in a window with 429 rate_limit_exceeded and a retry-after, per key", () => {
    const limiter = new CreateLimiter(limits, 60_000);
    for (let i = 0; i < 10; i += 1) {
      expect(refusal(() => limiter.check("a", 1000 + i, 0))).toBeNull();
      limiter.record("a", 1000 + i);
    }
    const refused = refusal(() => limiter.check("a", 2000, 0));
    expect(refused?.status).toBe(429);
    expect(refused?.fields.code).toBe("rate_limit_exceeded");
    // The oldest create leaves the window at 61 000 ms: 59 s from 2000 ms.
    expect(refused?.headers["retry-after"]).toBe("59");
    expect(refusal(() => limiter.check("b", 2000, 0))).toBeNull();
    // The window slides: once the first create is older than the window, one more is allowed.
    expect(refusal(() => limiter.check("a", 60_999, 0))).not.toBeNull();
    expect(refusal(() => limiter.check("a", 61_000, 0))).toBeNull();
  });

  it("refuses a create while 5 jobs of the key are running", () => {
    const limiter = new CreateLimiter(limits, 60_000);
    expect(refusal(() => limiter.check("a", 0, 4))).toBeNull();
    const refused = refusal(() => limiter.check("a", 0, 5));
    expect(refused?.status).toBe(429);
    expect(refused?.fields.message).toContain("5");
  });

  it("does not count refused or unrecorded creates", () => {
    const limiter = new CreateLimiter(limits, 1000);
    for (let i = 0; i < 20; i += 1) expect(refusal(() => limiter.check("a", i, 0))).toBeNull();
  });
});
