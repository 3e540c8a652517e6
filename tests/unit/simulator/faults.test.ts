import { describe, expect, it } from "vitest";
import { SimulatorHttpError } from "@/lib/simulator/errors";
import {
  findContentDelay,
  formatFaultRule,
  parseFaultRule,
  parseFaultRules,
  planHttpFaults,
  takeJobFaults,
} from "@/lib/simulator/faults";
import { extractPromptMarkers } from "@/lib/simulator/prompt-markers";

describe("fault grammar", () => {
  it("parses kind, value, endpoint and count", () => {
    expect(parseFaultRule("429:7@create*2", "instance")).toEqual({
      kind: "429",
      value: 7,
      code: null,
      endpoint: "create",
      remaining: 2,
    });
    expect(parseFaultRule("slow:1500@retrieve", "instance")).toMatchObject({
      kind: "slow",
      value: 1500,
      endpoint: "retrieve",
      remaining: null,
    });
    expect(parseFaultRule("fail:content_filter", "job")).toMatchObject({
      kind: "fail",
      code: "content_filter",
      endpoint: "create",
    });
    expect(parseFaultRule("content400:2.5", "job")).toMatchObject({ kind: "content400", value: 2.5, endpoint: "*" });
    expect(parseFaultRule("STALL", "job")).toMatchObject({ kind: "stall", value: null });
    // Truncation aims at downloads unless told otherwise.
    expect(parseFaultRule("truncate", "job").endpoint).toBe("content");
    expect(parseFaultRule("truncate@retrieve", "job").endpoint).toBe("retrieve");
  });

  it("splits rule lists on commas, semicolons and spaces and round-trips them", () => {
    const spec = "429@create*2, slow:100@retrieve; drop@content*1 saturated:3 moderation*1 expires:60";
    const rules = parseFaultRules(spec, "instance");
    expect(rules.map(formatFaultRule)).toEqual([
      "429@create*2",
      "slow:100@retrieve",
      "drop@content*1",
      "saturated:3",
      "moderation*1",
      "expires:60",
    ]);
    expect(parseFaultRules(rules.map(formatFaultRule).join(","), "instance")).toEqual(rules);
    expect(parseFaultRules("", "instance")).toEqual([]);
  });

  it.each([
    ["teapot", /unknown kind/],
    ["slow", /needs a value/],
    ["slow:abc", /integer/],
    ["500:3", /takes no value/],
    ["429@nowhere", /unknown endpoint/],
    ["drop*0", /at least 1/],
    ["content400:1@retrieve", /only to/],
    ["stall:150", /0\.\.99/],
    ["fail:Not-A-Code", /error code/],
  ])("rejects %s", (token, reason) => {
    expect(() => parseFaultRule(token, "instance")).toThrow(reason);
  });

  it("keeps prompt markers to requests about their own job", () => {
    expect(() => parseFaultRule("429@create", "job")).toThrow(/own job/);
    expect(() => parseFaultRule("429@list", "job")).toThrow(/own job/);
    expect(() => parseFaultRule("moderation@create", "job")).toThrow(/takes no '@endpoint'/);
    expect(parseFaultRule("moderation@create", "instance").endpoint).toBe("create");
  });
});

describe("planHttpFaults", () => {
  it("fires counted rules until spent, for matching endpoints only", () => {
    const rules = parseFaultRules("429@create*2", "instance");
    expect(planHttpFaults([rules], "retrieve").terminal).toBeNull();
    expect(planHttpFaults([rules], "create").terminal).toEqual({ kind: "429", value: null });
    expect(planHttpFaults([rules], "create").terminal?.kind).toBe("429");
    expect(planHttpFaults([rules], "create").terminal).toBeNull();
    expect(rules).toEqual([]);
  });

  it("adds delays, fires one terminal fault and reports which list changed", () => {
    const instance = parseFaultRules("slow:100, 500", "instance");
    const job = parseFaultRules("slow:50*1, drop*1, truncate", "job");
    const plan = planHttpFaults([instance, job], "content");
    expect(plan.delayMs).toBe(150);
    expect(plan.terminal).toEqual({ kind: "500", value: null });
    expect(plan.truncate).toBe(false);
    expect(plan.consumed).toEqual([true, true]);
    // Neither the job's drop (the instance's 500 came first) nor its truncation (there was no
    // real answer to cut) fired, so both keep their counts.
    expect(job.map(formatFaultRule)).toEqual(["drop*1", "truncate"]);
    const next = planHttpFaults([[], job], "content");
    expect(next).toMatchObject({ terminal: { kind: "drop" }, truncate: false });
    expect(planHttpFaults([[], job], "content")).toMatchObject({ terminal: null, truncate: true });
  });

  it("finds a content delay and spends it only when told to", () => {
    const rules = parseFaultRules("content400:5@content*1", "instance");
    expect(findContentDelay(rules, "cdn")).toBeNull();
    const delay = findContentDelay(rules, "content");
    expect(delay?.seconds).toBe(5);
    expect(rules).toHaveLength(1);
    delay?.fire();
    expect(rules).toHaveLength(0);
  });
});

describe("takeJobFaults", () => {
  it("lets prompt markers win over instance rules and spends instance counts", () => {
    const instance = parseFaultRules("fail:processing_error@create*1", "instance");
    const fromMarker = takeJobFaults(parseFaultRules("moderation", "job"), instance);
    expect(fromMarker.outcome).toEqual({ kind: "fail", code: "moderation_blocked" });
    expect(instance).toHaveLength(1);
    expect(takeJobFaults([], instance).outcome).toEqual({ kind: "fail", code: "processing_error" });
    expect(instance).toHaveLength(0);
    expect(takeJobFaults([], instance)).toEqual({ outcome: null, expirySeconds: null, result: null, statuses: null });
  });

  it("reads stall progress and expiry", () => {
    expect(takeJobFaults(parseFaultRules("stall:30 expires:5", "job"), [])).toEqual({
      outcome: { kind: "stall", progress: 30 },
      expirySeconds: 5,
      result: null,
      statuses: null,
    });
    expect(takeJobFaults(parseFaultRules("stall", "job"), []).outcome).toEqual({ kind: "stall", progress: 50 });
  });

  it("reads the relay presentation rules (result shape, status style), markers first", () => {
    const instance = parseFaultRules("result:urls*1", "instance");
    expect(takeJobFaults(parseFaultRules("statuses:upper", "job"), instance)).toMatchObject({
      result: "urls",
      statuses: "upper",
    });
    expect(instance).toHaveLength(0);
    expect(
      takeJobFaults(parseFaultRules("result:none", "job"), parseFaultRules("result:urls", "instance")).result,
    ).toBe("none");
    expect(() => parseFaultRules("result:link", "job")).toThrow(/video_url, metadata_url, urls, none/);
    expect(() => parseFaultRules("statuses", "job")).toThrow(/upper, unknown/);
    expect(() => parseFaultRules("result:urls@content", "job")).toThrow(/takes no '@endpoint'/);
    expect(parseFaultRules("quota@create*1", "instance").map(formatFaultRule)).toEqual(["quota@create*1"]);
  });
});

describe("prompt markers", () => {
  it("extracts markers and leaves the visible prompt", () => {
    const result = extractPromptMarkers("A cat [[drop*1]] on a [[content400:2]]  piano");
    expect(result.visiblePrompt).toBe("A cat on a piano");
    expect(result.rules.map(formatFaultRule)).toEqual(["drop*1", "content400:2"]);
  });

  it("answers a malformed marker with a 400 naming it", () => {
    try {
      extractPromptMarkers("A cat [[explode]]");
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(SimulatorHttpError);
      const e = error as SimulatorHttpError;
      expect(e.status).toBe(400);
      expect(e.fields.param).toBe("prompt");
      expect(e.fields.message).toContain("[[explode]]");
    }
  });

  it("ignores single brackets", () => {
    expect(extractPromptMarkers("[a] [b]").rules).toEqual([]);
  });
});
