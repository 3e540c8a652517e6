import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { drain, newJob as newJobOn, timed } from "./support/fault-helpers";
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

// Per-job fault knobs: markers in the prompt, which reach only requests about their own job.

let sim: TestSimulator;
beforeAll(async () => {
  sim = await startTestSimulator();
});
afterAll(async () => {
  await sim.stop();
});

const newJob = (prompt: string) => newJobOn(sim, prompt);
const retrieve = (id: string) => fetch(`${sim.api}/videos/${id}`, { headers: AUTH });
const content = (id: string) => fetch(`${sim.api}/videos/${id}/content`, { headers: AUTH });

describe("per-job prompt markers", () => {
  it.each([
    ["[[moderation]]", "moderation_blocked", "Your request was blocked by our moderation system."],
    ["[[fail:content_filter]]", "content_filter", null],
    ["[[fail:internal_error]]", "internal_error", null],
    ["[[fail:processing_error]]", "processing_error", null],
    ["[[fail]]", "internal_error", null],
  ])("%s fails the job with %s", async (marker, code, message) => {
    const id = await newJob(`A fox ${marker}`);
    const failed = await waitForStatus(sim.api, id, ["failed"]);
    expectVideoResource(failed);
    expect(failed).toMatchObject({ status: "failed", completed_at: null, expires_at: null, error: { code } });
    if (message) expect((failed.error as { message: string }).message).toBe(message);
  });

  it("[[stall]] keeps the job in progress", async () => {
    const id = await newJob("A fox [[stall]]");
    await waitForStatus(sim.api, id, ["in_progress"]);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect((await getJson(`${sim.api}/videos/${id}`)).body).toMatchObject({ status: "in_progress", progress: 50 });
  });

  it("[[content400:N]] delays content after completion", async () => {
    const id = await newJob("A fox [[content400:1]]");
    await waitForStatus(sim.api, id, ["completed"]);
    await expectErrorResponse(await content(id), 400);
    await new Promise((resolve) => setTimeout(resolve, 1100));
    expect((await content(id)).status).toBe(200);
  });

  it("[[truncate*1]] cuts the first download only", async () => {
    const id = await newJob("A fox [[truncate*1]]");
    await waitForStatus(sim.api, id, ["completed"]);
    expect((await drain(await content(id))).broke).toBe(true);
    expect((await drain(await content(id))).broke).toBe(false);
  });

  it("[[drop*1]] drops the first request about the job", async () => {
    const id = await newJob("A fox [[drop*1]]");
    await expect(retrieve(id)).rejects.toThrow(/fetch failed/);
    expect((await retrieve(id)).status).toBe(200);
  });

  it("[[slow:MS]] slows every request about the job", async () => {
    const id = await newJob("A fox [[slow:300]]");
    for (let i = 0; i < 2; i += 1) {
      const [response, ms] = await timed(() => retrieve(id));
      expect(response.status).toBe(200);
      expect(ms).toBeGreaterThanOrEqual(290);
    }
  });

  it.each([
    ["[[429*1]]", 429],
    ["[[saturated*1]]", 429],
    ["[[500*1]]", 500],
    ["[[503*1]]", 503],
    ["[[429@content]]", 200],
  ])("%s answers a retrieve with %i once", async (marker, status) => {
    const id = await newJob(`A fox ${marker}`);
    expect((await retrieve(id)).status).toBe(status);
    expect((await retrieve(id)).status).toBe(200);
  });

  it("refuses a malformed marker", async () => {
    const error = await expectErrorResponse(await createJson(sim.api, { prompt: "A fox [[429@create]]" }), 400);
    expect(error).toMatchObject({ param: "prompt" });
    expect(error.message).toContain("[[429@create]]");
  });
});
