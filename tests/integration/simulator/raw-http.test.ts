import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { VideoListResourceSchema } from "@/lib/upstream-schemas";
import {
  AUTH,
  createJson,
  expectErrorResponse,
  expectVideoResource,
  solidPng,
  startTestSimulator,
  waitForStatus,
  type TestSimulator,
} from "./support/harness";

// Raw HTTP for what the SDK does not send by itself: JSON bodies, bracketed keys, data URLs,
// malformed input, auth failures, ranges and HEAD.

let sim: TestSimulator;
beforeAll(async () => {
  sim = await startTestSimulator();
});
afterAll(async () => {
  await sim.stop();
});

function postForm(path: string, form: FormData, headers: Record<string, string> = AUTH): Promise<Response> {
  return fetch(`${sim.api}${path}`, { method: "POST", headers, body: form });
}

async function completedVideo(prompt: string): Promise<string> {
  const created = expectVideoResource(await (await createJson(sim.api, { prompt })).json());
  await waitForStatus(sim.api, created.id, ["completed"]);
  return created.id;
}

describe("create encodings", () => {
  it("accepts a JSON body", async () => {
    const response = await createJson(sim.api, {
      prompt: "JSON cat",
      model: "sora-2-pro",
      seconds: "12",
      size: "1792x1024",
    });
    expect(response.status).toBe(200);
    expect(expectVideoResource(await response.json())).toMatchObject({
      model: "sora-2-pro",
      seconds: "12",
      size: "1792x1024",
      status: "queued",
    });
  });

  it("accepts a data-URL image_url in JSON and as a bracketed form key", async () => {
    const dataUrl = `data:image/png;base64,${(await solidPng(720, 1280, [10, 20, 240])).toString("base64")}`;
    const json = await createJson(sim.api, { prompt: "blue", input_reference: { image_url: dataUrl } });
    expect(json.status).toBe(200);
    const form = new FormData();
    form.append("prompt", "blue again");
    form.append("seconds", "4");
    form.append("input_reference[image_url]", dataUrl);
    const multipart = await postForm("/videos", form);
    expect(multipart.status).toBe(200);
    expectVideoResource(await multipart.json());
  });

  it("accepts a urlencoded body", async () => {
    const response = await fetch(`${sim.api}/videos`, {
      method: "POST",
      headers: { ...AUTH, "content-type": "application/x-www-form-urlencoded" },
      body: "prompt=form+cat&size=1280x720",
    });
    expect(expectVideoResource(await response.json())).toMatchObject({ prompt: "form cat", size: "1280x720" });
  });
});

describe("recorded and chosen error answers", () => {
  it.each([
    [
      { prompt: "x", seconds: 8 },
      "Invalid type for 'seconds': expected one of '4', '8', or '12', but got an integer instead.",
      "seconds",
    ],
    [{ prompt: "x", seconds: "10" }, "Invalid value: '10'. Supported values are: '4', '8', and '12'.", "seconds"],
    [{ seconds: "4" }, "Missing required parameter: 'prompt'.", "prompt"],
    [
      { prompt: "x", size: "1792x1024" },
      "Invalid value: '1792x1024'. The model 'sora-2' supports only these sizes: '720x1280' and '1280x720'.",
      "size",
    ],
    [{ prompt: "x", quality: "hd" }, "Unrecognized request argument supplied: quality", null],
  ])("JSON %o", async (body, message, param) => {
    const error = await expectErrorResponse(await createJson(sim.api, body), 400);
    expect(error).toMatchObject({ message, param, type: "invalid_request_error" });
  });

  it("answers multipart reference mistakes with the recorded messages", async () => {
    const asString = new FormData();
    asString.append("prompt", "x");
    asString.append("input_reference", "https://example.com/cat.png");
    expect((await expectErrorResponse(await postForm("/videos", asString), 400)).message).toBe(
      "Invalid type for 'input_reference': expected a file, but got a string instead.",
    );
    const untyped = new FormData();
    untyped.append("prompt", "x");
    untyped.append("input_reference", new Blob([new Uint8Array(await solidPng(720, 1280, [1, 2, 3]))]), "ref");
    expect((await expectErrorResponse(await postForm("/videos", untyped), 400)).message).toBe(
      "Invalid file 'input_reference': unsupported mimetype ('application/octet-stream'). Supported file formats are 'image/jpeg', 'image/png', 'image/webp', and 'video/mp4'.",
    );
    const wrongSize = new FormData();
    wrongSize.append("prompt", "x");
    wrongSize.append(
      "input_reference",
      new Blob([new Uint8Array(await solidPng(64, 64, [1, 2, 3]))], { type: "image/png" }),
      "ref.png",
    );
    expect((await expectErrorResponse(await postForm("/videos", wrongSize), 400)).message).toBe(
      "Inpaint image must match the requested width and height",
    );
  });

  it("answers unparseable JSON and unknown routes", async () => {
    const bad = await fetch(`${sim.api}/videos`, {
      method: "POST",
      headers: { ...AUTH, "content-type": "application/json" },
      body: "{",
    });
    expect((await expectErrorResponse(bad, 400)).message).toContain("could not parse the JSON body");
    const unknown = await fetch(`${sim.api}/nothing/here`, { headers: AUTH });
    expect((await expectErrorResponse(unknown, 404)).message).toBe("Invalid URL (GET /v1/nothing/here)");
    const edits = await fetch(`${sim.api}/videos/edits`, { method: "POST", headers: AUTH });
    expect((await expectErrorResponse(edits, 404)).message).toBe("Invalid URL (POST /v1/videos/edits)");
    const missing = await fetch(`${sim.api}/videos/video_${"0".repeat(48)}`, { headers: AUTH });
    expect(await expectErrorResponse(missing, 404)).toMatchObject({ type: "invalid_request_error" });
  });

  it("checks list parameters", async () => {
    const list = (query: string) => fetch(`${sim.api}/videos?${query}`, { headers: AUTH });
    expect(await expectErrorResponse(await list("limit=101"), 400)).toMatchObject({
      param: "limit",
      code: "integer_above_max_value",
    });
    expect(await expectErrorResponse(await list("limit=-1"), 400)).toMatchObject({
      param: "limit",
      code: "integer_below_min_value",
    });
    expect(await expectErrorResponse(await list("limit=many"), 400)).toMatchObject({ param: "limit" });
    expect(await expectErrorResponse(await list("order=sideways"), 400)).toMatchObject({
      param: "order",
      code: "invalid_value",
    });
    VideoListResourceSchema.parse(await (await list("limit=100&order=asc")).json());
  });

  it("answers content, delete and remix of an unfinished job with 400", async () => {
    const stalled = expectVideoResource(await (await createJson(sim.api, { prompt: "stuck [[stall:30]]" })).json());
    await waitForStatus(sim.api, stalled.id, ["in_progress"]);
    const content = await fetch(`${sim.api}/videos/${stalled.id}/content`, { headers: AUTH });
    expect((await expectErrorResponse(content, 400)).message).toContain("not ready");
    const del = await fetch(`${sim.api}/videos/${stalled.id}`, { method: "DELETE", headers: AUTH });
    expect((await expectErrorResponse(del, 400)).message).toContain("in_progress");
    const remix = await fetch(`${sim.api}/videos/${stalled.id}/remix`, {
      method: "POST",
      headers: { ...AUTH, "content-type": "application/json" },
      body: '{"prompt":"again"}',
    });
    expect((await expectErrorResponse(remix, 400)).message).toContain("Only completed videos can be remixed");
  });

  it("lets failed jobs be deleted but not downloaded", async () => {
    const failed = expectVideoResource(await (await createJson(sim.api, { prompt: "blocked [[moderation]]" })).json());
    await waitForStatus(sim.api, failed.id, ["failed"]);
    const content = await fetch(`${sim.api}/videos/${failed.id}/content`, { headers: AUTH });
    expect((await expectErrorResponse(content, 400)).message).toContain("failed");
    const del = await fetch(`${sim.api}/videos/${failed.id}`, { method: "DELETE", headers: AUTH });
    expect(await del.json()).toEqual({ id: failed.id, object: "video.deleted", deleted: true });
  });

  it("rejects a bad variant", async () => {
    const id = await completedVideo("variant check");
    const response = await fetch(`${sim.api}/videos/${id}/content?variant=poster`, { headers: AUTH });
    expect(await expectErrorResponse(response, 400)).toMatchObject({
      param: "variant",
      message: "Invalid value: 'poster'. Supported values are: 'video', 'thumbnail', and 'spritesheet'.",
    });
  });
});

describe("auth", () => {
  it("requires a Bearer key and refuses keys containing 'invalid'", async () => {
    const attempts: Record<string, string>[] = [{}, { authorization: "Bearer " }, { authorization: "Basic abc" }];
    for (const headers of attempts) {
      const error = await expectErrorResponse(await fetch(`${sim.api}/videos`, { headers }), 401);
      expect(error).toMatchObject({ code: "invalid_api_key", type: "invalid_request_error" });
    }
    const invalid = await expectErrorResponse(
      await fetch(`${sim.api}/videos`, { headers: { authorization: "Bearer sk-invalid-123456" } }),
      401,
    );
    expect(invalid.message).toMatch(/^Incorrect API key provided: sk-\*+3456\./);
    expect((await fetch(`${sim.api}/videos`, { headers: { authorization: "bearer any-key" } })).status).toBe(200);
  });

  it("accepts only listed keys when an allow-list is set", async () => {
    const strict = await startTestSimulator({ apiKeys: ["sk-one", "sk-two"] });
    try {
      expect((await fetch(`${strict.api}/videos`, { headers: { authorization: "Bearer sk-two" } })).status).toBe(200);
      const refused = await fetch(`${strict.api}/videos`, { headers: { authorization: "Bearer sk-three" } });
      expect((await expectErrorResponse(refused, 401)).code).toBe("invalid_api_key");
    } finally {
      await strict.stop();
    }
  });
});

describe("content transport", () => {
  it("serves byte ranges of the video and HEAD", async () => {
    const id = await completedVideo("range cat");
    const full = await fetch(`${sim.api}/videos/${id}/content`, { headers: AUTH });
    const bytes = new Uint8Array(await full.arrayBuffer());
    expect(full.status).toBe(200);
    expect(Number(full.headers.get("content-length"))).toBe(bytes.byteLength);

    const part = await fetch(`${sim.api}/videos/${id}/content`, { headers: { ...AUTH, range: "bytes=100-1099" } });
    expect(part.status).toBe(206);
    expect(part.headers.get("content-range")).toBe(`bytes 100-1099/${bytes.byteLength}`);
    expect(part.headers.get("content-length")).toBe("1000");
    expect(Buffer.from(await part.arrayBuffer()).equals(Buffer.from(bytes.subarray(100, 1100)))).toBe(true);

    const tail = await fetch(`${sim.api}/videos/${id}/content`, { headers: { ...AUTH, range: "bytes=-10" } });
    expect(tail.status).toBe(206);
    expect(Buffer.from(await tail.arrayBuffer()).equals(Buffer.from(bytes.subarray(bytes.byteLength - 10)))).toBe(true);

    const beyond = await fetch(`${sim.api}/videos/${id}/content`, {
      headers: { ...AUTH, range: `bytes=${bytes.byteLength}-` },
    });
    expect(beyond.status).toBe(416);
    expect(beyond.headers.get("content-range")).toBe(`bytes */${bytes.byteLength}`);

    const head = await fetch(`${sim.api}/videos/${id}/content`, { method: "HEAD", headers: AUTH });
    expect(head.status).toBe(200);
    expect(head.headers.get("content-length")).toBe(String(bytes.byteLength));
    expect((await head.arrayBuffer()).byteLength).toBe(0);
  });

  it("puts a fresh x-request-id on every answer", async () => {
    const answers = await Promise.all([
      fetch(`${sim.api}/videos`, { headers: AUTH }),
      fetch(`${sim.api}/videos`),
      fetch(`${sim.api}/nope`, { headers: AUTH }),
      fetch(`${sim.url}/__simulator/health`),
      fetch(`${sim.url}/elsewhere`),
    ]);
    const ids = answers.map((r) => r.headers.get("x-request-id"));
    for (const id of ids) expect(id).toMatch(/^req_[0-9a-f]{32}$/);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
