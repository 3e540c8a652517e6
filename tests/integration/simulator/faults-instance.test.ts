import OpenAI from "openai";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { drain, newJob as newJobOn, setFaults as setFaultsOn, timed } from "./support/fault-helpers";
import {
  AUTH,
  createJson,
  expectErrorResponse,
  expectVideoResource,
  getJson,
  startTestSimulator,
  waitForStatus,
  type TestSimulator,
} from "./support/harness";

// Instance-wide fault knobs: set at runtime through /__simulator/faults (as a studio test would)
// and from options at start (as SIMULATOR_FAULTS does); and the request counters.

let sim: TestSimulator;
beforeAll(async () => {
  sim = await startTestSimulator();
});
afterAll(async () => {
  await sim.stop();
});
beforeEach(async () => {
  await fetch(`${sim.url}/__simulator/faults`, { method: "DELETE" });
});

const setFaults = (rules: string | string[], mode?: "append") => setFaultsOn(sim, rules, mode);
const newJob = (prompt: string) => newJobOn(sim, prompt);
const retrieve = (id: string) => fetch(`${sim.api}/videos/${id}`, { headers: AUTH });
const content = (id: string) => fetch(`${sim.api}/videos/${id}/content`, { headers: AUTH });

describe("instance faults set at runtime", () => {
  it("answers the next creates with 429 and retry-after, then recovers", async () => {
    expect(await setFaults("429:2@create*2")).toEqual(["429:2@create*2"]);
    for (let i = 0; i < 2; i += 1) {
      const response = await createJson(sim.api, { prompt: "busy" });
      expect(response.headers.get("retry-after")).toBe("2");
      expect(await expectErrorResponse(response, 429)).toMatchObject({ code: "rate_limit_exceeded", type: "requests" });
    }
    expect((await createJson(sim.api, { prompt: "free" })).status).toBe(200);
    expect(((await getJson(`${sim.url}/__simulator/faults`)).body as { rules: string[] }).rules).toEqual([]);
  });

  it("is retried by the SDK, which honours retry-after", async () => {
    await setFaults("429:1@create*2");
    await fetch(`${sim.url}/__simulator/reset-stats`, { method: "POST" });
    const retrying = new OpenAI({ apiKey: "sk-retry", baseURL: sim.api, maxRetries: 2 });
    const [video, elapsed] = await timed(() => retrying.videos.create({ prompt: "third time lucky" }));
    expect(video.status).toBe("queued");
    expect(elapsed).toBeGreaterThanOrEqual(1900);
    expect(
      ((await getJson(`${sim.url}/__simulator/stats`)).body as { byEndpoint: { create: number } }).byEndpoint.create,
    ).toBe(3);
  });

  it("answers API易's saturated body", async () => {
    await setFaults("saturated:3@create*1");
    const response = await createJson(sim.api, { prompt: "x" });
    expect(response.headers.get("retry-after")).toBe("3");
    expect((await expectErrorResponse(response, 429)).message).toBe(
      "Current group's upstream is saturated, please try again later",
    );
  });

  it("answers 500 and 503 on the chosen endpoints only", async () => {
    const id = await newJob("server errors");
    await setFaults(["500@retrieve*1", "503:4@list*1"]);
    expect((await fetch(`${sim.api}/videos`, { headers: AUTH })).status).toBe(503);
    expect(await expectErrorResponse(await retrieve(id), 500)).toMatchObject({ type: "server_error" });
    expect((await retrieve(id)).status).toBe(200);
    expect((await fetch(`${sim.api}/videos`, { headers: AUTH })).status).toBe(200);
  });

  it("answers 503 with retry-after when asked", async () => {
    await setFaults("503:4@list*1");
    const response = await fetch(`${sim.api}/videos`, { headers: AUTH });
    expect(response.headers.get("retry-after")).toBe("4");
    await expectErrorResponse(response, 503);
  });

  it("slows answers down", async () => {
    await setFaults("slow:400@list*1");
    const [slow, slowMs] = await timed(() => fetch(`${sim.api}/videos`, { headers: AUTH }));
    expect(slow.status).toBe(200);
    expect(slowMs).toBeGreaterThanOrEqual(390);
    const [, fastMs] = await timed(() => fetch(`${sim.api}/videos`, { headers: AUTH }));
    expect(fastMs).toBeLessThan(300);
  });

  it("drops the connection without an answer", async () => {
    const id = await newJob("dropped");
    await setFaults("drop@retrieve*1");
    await expect(retrieve(id)).rejects.toThrow(/fetch failed/);
    const error = await sim.client.videos.retrieve(id).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeNull();
    await setFaults("drop@retrieve*1");
    expect(await sim.client.videos.retrieve(id).catch((e: unknown) => e)).toBeInstanceOf(OpenAI.APIConnectionError);
  });

  it("truncates a content body", async () => {
    const id = await newJob("truncated");
    await waitForStatus(sim.api, id, ["completed"]);
    await setFaults("truncate@content*1");
    const cut = await content(id);
    expect(cut.status).toBe(200);
    const declared = Number(cut.headers.get("content-length"));
    const { received, broke } = await drain(cut);
    expect(broke).toBe(true);
    expect(received).toBe(Math.floor(declared / 2));
    const whole = await content(id);
    expect(await drain(whole)).toEqual({ received: declared, broke: false });
  });

  it("answers content with 400 for a while after completion (CDN delay)", async () => {
    await setFaults("content400:1.5@content");
    const id = await newJob("cdn delay");
    const done = await waitForStatus(sim.api, id, ["completed"]);
    expect(done.status).toBe("completed");
    expect((await expectErrorResponse(await content(id), 400)).message).toContain("not available yet");
    await new Promise((resolve) => setTimeout(resolve, 1600));
    expect((await content(id)).status).toBe(200);
  });

  it("fails, blocks or stalls the next created jobs", async () => {
    await setFaults(["moderation@create*1", "fail:processing_error*1", "stall:20*1"]);
    const blocked = await newJob("first");
    const broken = await newJob("second");
    const stuck = await newJob("third");
    const fine = await newJob("fourth");
    expect((await waitForStatus(sim.api, blocked, ["failed"])).error).toEqual({
      code: "moderation_blocked",
      message: "Your request was blocked by our moderation system.",
    });
    expect(((await waitForStatus(sim.api, broken, ["failed"])).error as { code: string }).code).toBe(
      "processing_error",
    );
    expect((await waitForStatus(sim.api, fine, ["completed"])).status).toBe("completed");
    expect((await getJson(`${sim.api}/videos/${stuck}`)).body).toMatchObject({ status: "in_progress", progress: 20 });
  });

  it("lists, appends, clears and validates rules", async () => {
    await setFaults("slow:1");
    expect(await setFaults("500@delete*3", "append")).toEqual(["slow:1", "500@delete*3"]);
    const bad = await fetch(`${sim.url}/__simulator/faults`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: '{"rules":"explode@create"}',
    });
    expect((await expectErrorResponse(bad, 400)).message).toContain("unknown kind 'explode'");
    const cleared = await fetch(`${sim.url}/__simulator/faults`, { method: "DELETE" });
    expect(await cleared.json()).toEqual({ rules: [] });
  });
});

describe("instance faults from options", () => {
  it("applies SIMULATOR_FAULTS-style rules from the start", async () => {
    const faulty = await startTestSimulator({ faults: "saturated@create*1, slow:250@retrieve" });
    try {
      expect((await createJson(faulty.api, { prompt: "a" })).status).toBe(429);
      const created = expectVideoResource(await (await createJson(faulty.api, { prompt: "b" })).json());
      const [response, ms] = await timed(() => fetch(`${faulty.api}/videos/${created.id}`, { headers: AUTH }));
      expect(response.status).toBe(200);
      expect(ms).toBeGreaterThanOrEqual(240);
    } finally {
      await faulty.stop();
    }
  });
});

describe("request stats", () => {
  it("counts requests per endpoint and per job, and resets", async () => {
    await fetch(`${sim.url}/__simulator/reset-stats`, { method: "POST" });
    const id = await newJob("counted");
    await retrieve(id);
    await retrieve(id);
    await fetch(`${sim.api}/videos`, { headers: AUTH });
    await fetch(`${sim.api}/videos/${id}/content`, { headers: AUTH });
    const stats = (await getJson(`${sim.url}/__simulator/stats`)).body as {
      total: number;
      byEndpoint: Record<string, number>;
      byJob: Record<string, Record<string, number>>;
    };
    expect(stats.total).toBe(5);
    expect(stats.byEndpoint).toEqual({ create: 1, retrieve: 2, list: 1, content: 1 });
    expect(stats.byJob[id]).toEqual({ create: 1, retrieve: 2, content: 1 });
    await fetch(`${sim.url}/__simulator/reset-stats`, { method: "POST" });
    expect((await getJson(`${sim.url}/__simulator/stats`)).body).toMatchObject({ total: 0, byEndpoint: {}, byJob: {} });
  });
});
