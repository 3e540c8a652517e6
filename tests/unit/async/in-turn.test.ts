import { setTimeout as sleep } from "node:timers/promises";
import { describe, expect, it } from "vitest";
import { inTurn } from "@/lib/async/in-turn";

describe("inTurn", () => {
  it("runs calls with one key one at a time, in order of arrival; other keys do not wait", async () => {
    const log: string[] = [];
    let running = 0;
    let most = 0;
    const step = (key: string, name: string, ms: number) =>
      inTurn(key, async () => {
        running++;
        most = Math.max(most, running);
        log.push(`${name} start`);
        await sleep(ms);
        log.push(`${name} end`);
        running--;
        return name;
      });
    const other = inTurn("b", async () => {
      log.push("other");
      return "other";
    });
    const results = await Promise.all([step("a", "1", 30), step("a", "2", 5), step("a", "3", 1), other]);
    expect(results).toEqual(["1", "2", "3", "other"]);
    expect(log.filter((l) => l !== "other")).toEqual(["1 start", "1 end", "2 start", "2 end", "3 start", "3 end"]);
    expect(log.indexOf("other")).toBeLessThan(log.indexOf("1 end"));
    expect(most).toBe(1);
  });

  it("a call that throws passes the turn on", async () => {
    const failing = inTurn("c", async () => {
      throw new Error("no budget");
    });
    const next = inTurn("c", async () => "ran");
    await expect(failing).rejects.toThrow("no budget");
    await expect(next).resolves.toBe("ran");
  });
});
