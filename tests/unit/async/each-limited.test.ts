import { describe, expect, it, vi } from "vitest";
import { eachLimited } from "@/lib/async/each-limited";

describe("eachLimited", () => {
  it("runs every item once with never more than `limit` in flight, and reaches the limit", async () => {
    let inFlight = 0;
    let most = 0;
    const seen: number[] = [];
    const items = Array.from({ length: 25 }, (_, i) => i);
    await eachLimited(items, 4, async (i) => {
      inFlight++;
      most = Math.max(most, inFlight);
      await new Promise((r) => setTimeout(r, (i * 7) % 5));
      seen.push(i);
      inFlight--;
    });
    expect(seen.sort((a, b) => a - b)).toEqual(items);
    expect(most).toBe(4);
  });

  it("keeps going past a failure, counts and logs it", async () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const done: string[] = [];
    const answer = await eachLimited(
      ["a", "b", "c"],
      2,
      async (x) => {
        if (x === "b") throw new Error("boom");
        done.push(x);
      },
      "test",
    );
    expect(answer.failed).toBe(1);
    expect(done.sort()).toEqual(["a", "c"]);
    expect(log).toHaveBeenCalledWith("[test]", expect.any(Error));
    log.mockRestore();
  });

  it("does nothing for no items and treats a limit below 1 as 1", async () => {
    expect(await eachLimited([], 8, () => Promise.reject(new Error("never")))).toEqual({ failed: 0 });
    let inFlight = 0;
    let most = 0;
    await eachLimited([1, 2, 3], 0, async () => {
      most = Math.max(most, ++inFlight);
      await new Promise((r) => setTimeout(r, 1));
      inFlight--;
    });
    expect(most).toBe(1);
  });
});
