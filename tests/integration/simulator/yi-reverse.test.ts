import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  YiReverseErrorSchema,
  YiReverseFailedVideoSchema,
  YiReverseVideoSchema,
  type YiReverseVideo,
} from "@/lib/upstream-schemas";
import { postForm, postJson, readJson, stepUntil, TestClock, imageBlob } from "./support/dialect-helpers";
import { setFaults } from "./support/fault-helpers";
import { getJson, probeVideo, solidPng, startTestSimulator, until, type TestSimulator } from "./support/harness";

// The API易 官逆 profile per ../shared/upstream/relay-dialects.md: `Authorization: sk-…` without
// Bearer, model sora-2 + size + seconds (and the older model names), `submitted`, `url` to the
// authenticated /content, failures as plain strings, its own error envelope, 10 creates a minute
// and 5 running per key. Most tests move a test clock (time scale 1, real durations, no waiting).

const KEY = "sk-yi-test";
const BARE = { authorization: KEY };

let sim: TestSimulator;
let clock: TestClock;
let api = "";
beforeAll(async () => {
  clock = new TestClock();
  sim = await startTestSimulator({ profile: "yi-reverse", timeScale: 1, now: clock.now });
  api = sim.api;
});
afterAll(async () => {
  await sim.stop();
});

async function submit(
  fields: Record<string, string | Blob>,
  headers: Record<string, string> = BARE,
): Promise<Response> {
  return postForm(`${api}/videos`, fields, headers);
}

async function created(
  fields: Record<string, string | Blob>,
  headers: Record<string, string> = BARE,
): Promise<YiReverseVideo> {
  return YiReverseVideoSchema.parse(await readJson(await submit(fields, headers), 200));
}

async function retrieve(id: string, headers: Record<string, string> = BARE): Promise<Record<string, unknown>> {
  return readJson(await fetch(`${api}/videos/${id}`, { headers }), 200);
}

async function yiError(response: Response, status: number): Promise<{ code: string; message: string; type: string }> {
  const body = await readJson(response, status);
  return YiReverseErrorSchema.parse(body).error;
}

describe("yi-reverse: the documented request and answer", () => {
  it("creates with sora-2 + size + seconds and answers exactly the documented keys", async () => {
    const video = await created({ prompt: "A panda eating bamboo", model: "sora-2", size: "1280x720", seconds: "15" });
    expect(video).toMatchObject({
      status: "submitted",
      progress: 0,
      prompt: "A panda eating bamboo",
      model: "sora-2",
      size: "1280x720",
      seconds: "15",
      url: null,
      completed_at: null,
    });
    expect(video.id).toMatch(/^video_[0-9a-f]{48}$/);
    expect(Object.keys(video).sort()).toEqual(
      ["completed_at", "created_at", "id", "model", "progress", "prompt", "seconds", "size", "status", "url"].sort(),
    );
  });

  it("runs submitted → in_progress → completed; url is the authenticated /content, which answers 400 for 4 s, then the 704 px MP4", async () => {
    const video = await created({
      prompt: "A lighthouse in a storm",
      model: "sora-2",
      size: "720x1280",
      seconds: "10",
    });
    const seen: string[] = [];
    const done = await stepUntil(
      clock,
      async () => {
        const body = YiReverseVideoSchema.parse(await retrieve(video.id));
        if (seen[seen.length - 1] !== body.status) seen.push(body.status);
        return body;
      },
      ["completed"],
      100,
    );
    expect(seen).toEqual(["submitted", "in_progress", "completed"]);
    expect(done).toMatchObject({ progress: 100, url: `${api}/videos/${video.id}/content` });
    expect(typeof done.completed_at).toBe("number");
    const url = String(done.url);

    // Completed less than 100 ms ago (clock steps): the channel's "not ready yet" 400.
    expect((await yiError(await fetch(url, { headers: BARE }), 400)).code).toBe("invalid_request");
    // The key is required.
    expect((await yiError(await fetch(url), 401)).code).toBe("authentication_error");
    clock.advance(4_100);
    const content = await fetch(url, { headers: BARE });
    expect(content.status).toBe(200);
    expect(content.headers.get("content-type")).toBe("video/mp4");
    const probe = await probeVideo(new Uint8Array(await content.arrayBuffer()));
    expect(probe).toMatchObject({ codec: "h264", width: 704, height: 1280 });
    expect(Math.abs(probe.duration - 10)).toBeLessThanOrEqual(1 / probe.frameRate);
    // No thumbnail or sprite sheet on this channel: `variant` is ignored.
    const thumb = await fetch(`${url}?variant=thumbnail`, { headers: BARE });
    expect(thumb.headers.get("content-type")).toBe("video/mp4");
    await thumb.body?.cancel();

    // Kept one day: then /content is gone while the job still answers.
    clock.advance(86_400_000);
    expect((await yiError(await fetch(url, { headers: BARE }), 404)).code).toBe("invalid_request");
    expect((await retrieve(video.id)).status).toBe("completed");
  });

  it("accepts the older model names (orientation and length in the name) and renders 1280x704 for landscape", async () => {
    const reference = imageBlob(await solidPng(300, 200, [200, 100, 0]), "image/png");
    const video = await created({
      prompt: "A desert road",
      model: "sora_video2-landscape-15s",
      input_reference: reference,
    });
    expect(video).toMatchObject({ model: "sora_video2-landscape-15s", size: "1280x720", seconds: "15" });
    await stepUntil(clock, () => retrieve(video.id), ["completed"], 1000);
    clock.advance(5_000);
    const content = await fetch(`${api}/videos/${video.id}/content`, { headers: BARE });
    const probe = await probeVideo(new Uint8Array(await content.arrayBuffer()));
    expect(probe).toMatchObject({ width: 1280, height: 704 });
    expect(Math.abs(probe.duration - 15)).toBeLessThanOrEqual(1 / probe.frameRate);
  });

  it("accepts a JSON body with seconds as a number", async () => {
    const body = await readJson(await postJson(`${api}/videos`, { prompt: "json", seconds: 15 }, BARE), 200);
    expect(YiReverseVideoSchema.parse(body)).toMatchObject({ model: "sora-2", size: "720x1280", seconds: "15" });
  });

  it("reports a failure as exactly {id, status, progress: 0, error, created_at}, error a plain string", async () => {
    const video = await created({ prompt: "A famous cartoon mouse [[moderation]]" });
    const failed = YiReverseFailedVideoSchema.parse(await stepUntil(clock, () => retrieve(video.id), ["failed"], 500));
    expect(failed).toEqual({
      id: video.id,
      status: "failed",
      progress: 0,
      error: "Content policy violation",
      created_at: video.created_at,
    });
  });
});

describe("yi-reverse: errors and keys", () => {
  // Earlier jobs finished and out of the create window, so the limits stay out of the way.
  beforeEach(() => {
    clock.advance(120_000);
  });

  it("refuses bad input in its envelope {error: {code, message, type}} with code invalid_request", async () => {
    const cases: [Record<string, string | Blob>, string][] = [
      [{ prompt: "x".repeat(1000) }, "prompt"],
      [{ prompt: "x", model: "sora-2-pro" }, "model"],
      [{ prompt: "x", seconds: "4" }, "seconds"],
      [{ prompt: "x", size: "1792x1024" }, "size"],
      [{ prompt: "x", input_reference: imageBlob(new Uint8Array(10 * 1024 * 1024), "image/png") }, "10 MB"],
      [{ prompt: "x", input_reference: imageBlob(new Uint8Array([1, 2, 3]), "image/png") }, "decoded"],
    ];
    for (const [fields, mentions] of cases) {
      const error = await yiError(await submit(fields), 400);
      expect(error.code).toBe("invalid_request");
      expect(error.type).toBe("invalid_request_error");
      expect(error.message).toContain(mentions === "prompt" ? "1000" : mentions);
    }
  });

  it("takes the key without Bearer (and, like API易's gateway, with it); a bad key is a 403", async () => {
    const bearer = await created({ prompt: "with bearer" }, { authorization: `Bearer ${KEY}` });
    // The same key either way: the job is visible to both forms.
    expect((await retrieve(bearer.id, BARE)).id).toBe(bearer.id);
    const stats = (await getJson(`${sim.url}/__simulator/stats`, {})).body as { authForms: Record<string, number> };
    expect(stats.authForms.bare).toBeGreaterThan(0);
    expect(stats.authForms.bearer).toBeGreaterThan(0);

    expect(await yiError(await submit({ prompt: "x" }, { authorization: "sk-invalid-key" }), 403)).toMatchObject({
      code: "authentication_error",
      type: "authentication_error",
    });
    expect((await yiError(await submit({ prompt: "x" }, {}), 401)).code).toBe("authentication_error");
    // Another key's job is not found.
    expect(
      (await yiError(await fetch(`${api}/videos/${bearer.id}`, { headers: { authorization: "sk-other" } }), 404)).code,
    ).toBe("invalid_request");
  });

  it("answers quota and rate-limit faults in its envelope (403 insufficient_quota, 429 rate_limit_exceeded)", async () => {
    await setFaults(sim, ["quota@create*1", "429@create*1"]);
    expect((await yiError(await submit({ prompt: "x" }), 403)).code).toBe("insufficient_quota");
    const limited = await submit({ prompt: "x" });
    expect(limited.headers.get("retry-after")).toBe("1");
    expect((await yiError(limited, 429)).code).toBe("rate_limit_exceeded");
    expect((await submit({ prompt: "x" })).status).toBe(200);
  });

  it("has no list, delete or remix", async () => {
    const video = await created({ prompt: "short" });
    expect((await fetch(`${api}/videos`, { headers: BARE })).status).toBe(404);
    expect((await fetch(`${api}/videos/${video.id}`, { method: "DELETE", headers: BARE })).status).toBe(404);
    expect((await fetch(`${api}/videos/${video.id}/remix`, { method: "POST", headers: BARE })).status).toBe(404);
  });

  it("is also served at <root>/yi-reverse/v1, beside the other profiles", async () => {
    const video = await created({ prompt: "side by side" });
    expect((await retrieve(video.id)).id).toBe(video.id);
    const beside = await fetch(`${sim.url}/yi-reverse/v1/videos/${video.id}`, { headers: BARE });
    expect(((await readJson(beside, 200)) as { id: string }).id).toBe(video.id);
    // Another profile does not know this job.
    const openai = await fetch(`${sim.url}/openai/v1/videos/${video.id}`, {
      headers: { authorization: `Bearer ${KEY}` },
    });
    expect(openai.status).toBe(404);
  });
});

describe("yi-reverse: limits per key (10 creates a minute, 5 running)", () => {
  it("refuses a 6th running job with 429, per key, and accepts again once jobs finished", async () => {
    const key = { authorization: "sk-yi-running" };
    for (let i = 0; i < 5; i += 1) await created({ prompt: `running ${i}` }, key);
    const refused = await yiError(await submit({ prompt: "sixth" }, key), 429);
    expect(refused).toMatchObject({ code: "rate_limit_exceeded" });
    expect(refused.message).toContain("5");
    // Another key is not affected.
    await created({ prompt: "other key" }, { authorization: "sk-yi-running-2" });
    clock.advance(60_000);
    await created({ prompt: "after they finished" }, key);
  });

  it("refuses an 11th create within the window (60 s × time scale) and accepts once it has slid", async () => {
    const key = { authorization: "sk-yi-rate" };
    // Moderated jobs fail within seconds, so the running limit stays out of the way.
    for (let i = 0; i < 5; i += 1) await created({ prompt: `rate ${i} [[moderation]]` }, key);
    clock.advance(20_000);
    for (let i = 5; i < 10; i += 1) await created({ prompt: `rate ${i} [[moderation]]` }, key);
    clock.advance(20_000);
    const refused = await submit({ prompt: "eleventh" }, key);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    const error = await yiError(refused, 429);
    expect(error.code).toBe("rate_limit_exceeded");
    expect(error.message).toContain("10");
    clock.advance(20_001);
    await created({ prompt: "after the window" }, key);
  });
});

describe("yi-reverse on the real clock", () => {
  it("completes a job at a fast time scale and serves it after the scaled 400 window", async () => {
    const fast = await startTestSimulator({ profile: "yi-reverse", timeScale: 0.02 });
    try {
      const response = await postForm(`${fast.api}/videos`, { prompt: "real clock", seconds: "10" }, BARE);
      const video = YiReverseVideoSchema.parse(await readJson(response, 200));
      const done = await until(
        async () => (await getJson(`${fast.api}/videos/${video.id}`, BARE)).body,
        (body) => body.status === "completed",
      );
      const content = await until(
        () => fetch(String(done.url), { headers: BARE }),
        (r) => r.status === 200,
      );
      expect((await probeVideo(new Uint8Array(await content.arrayBuffer()))).width).toBe(704);
    } finally {
      await fast.stop();
    }
  });
});
