import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { YiReverseVideoSchema } from "@/lib/upstream-schemas";
import {
  AUTH,
  expectErrorResponse,
  getJson,
  probeVideo,
  solidPng,
  startTestSimulator,
  until,
  type TestSimulator,
} from "./support/harness";

// The API易 官逆 profile: its own models, statuses, `url` field and string errors.

let sim: TestSimulator;
beforeAll(async () => {
  // 0.05: the "submitted" fifth lasts about 0.3 s, long enough to be seen on a busy two-core machine.
  sim = await startTestSimulator({ profile: "yi-reverse", timeScale: 0.05 });
});
afterAll(async () => {
  await sim.stop();
});

async function submit(fields: Record<string, string | Blob>): Promise<Response> {
  const form = new FormData();
  for (const [key, value] of Object.entries(fields)) form.append(key, value);
  return fetch(`${sim.api}/videos`, { method: "POST", headers: AUTH, body: form });
}

async function follow(id: string) {
  const seen: string[] = [];
  const final = await until(
    async () => {
      const { body } = await getJson(`${sim.api}/videos/${id}`);
      const video = YiReverseVideoSchema.parse(body);
      if (seen[seen.length - 1] !== video.status) seen.push(video.status);
      return video;
    },
    (video) => video.status === "completed" || video.status === "failed",
    15_000,
    5,
  );
  return { final, seen };
}

describe("yi-reverse profile", () => {
  it("runs submitted → in_progress → completed and serves the url without auth", async () => {
    const response = await submit({ prompt: "A panda eating bamboo", model: "sora_video2" });
    expect(response.status).toBe(200);
    const created = YiReverseVideoSchema.parse(await response.json());
    expect(created).toMatchObject({
      status: "submitted",
      model: "sora_video2",
      size: "704x1280",
      seconds: "10",
      progress: 0,
    });
    expect(Object.keys(created)).not.toContain("object");
    expect(Object.keys(created)).not.toContain("expires_at");
    expect(Object.keys(created)).not.toContain("url");

    const { final, seen } = await follow(created.id);
    expect(seen).toEqual(["submitted", "in_progress", "completed"]);
    expect(final.url).toBe(`${sim.url}/cdn/${created.id}.mp4`);
    const video = await fetch(final.url ?? "");
    expect(video.headers.get("content-type")).toBe("video/mp4");
    const probe = await probeVideo(new Uint8Array(await video.arrayBuffer()));
    expect(probe).toMatchObject({ codec: "h264", width: 704, height: 1280 });
    expect(Math.abs(probe.duration - 10)).toBeLessThanOrEqual(1 / probe.frameRate);
  });

  it("renders landscape 15 s for sora_video2-landscape-15s, with a reference of any size", async () => {
    const reference = new Blob([new Uint8Array(await solidPng(300, 200, [200, 100, 0]))], { type: "image/png" });
    const created = YiReverseVideoSchema.parse(
      await (
        await submit({ prompt: "A desert road", model: "sora_video2-landscape-15s", input_reference: reference })
      ).json(),
    );
    expect(created).toMatchObject({ size: "1280x704", seconds: "15" });
    const { final } = await follow(created.id);
    const content = await fetch(`${sim.api}/videos/${created.id}/content`, { headers: AUTH });
    const probe = await probeVideo(new Uint8Array(await content.arrayBuffer()));
    expect(final.status).toBe("completed");
    expect(probe).toMatchObject({ width: 1280, height: 704 });
    expect(Math.abs(probe.duration - 15)).toBeLessThanOrEqual(1 / probe.frameRate);
  });

  it("reports a failure as a plain string", async () => {
    const created = YiReverseVideoSchema.parse(
      await (await submit({ prompt: "A famous cartoon mouse [[moderation]]" })).json(),
    );
    const { final } = await follow(created.id);
    expect(final).toMatchObject({ status: "failed", error: "Content policy violation" });
    expect(final.url).toBeUndefined();
  });

  it("keeps prompts under 1000 characters and knows only its four models", async () => {
    expect((await expectErrorResponse(await submit({ prompt: "x".repeat(1000) }), 400)).code).toBe(
      "string_above_max_length",
    );
    expect((await expectErrorResponse(await submit({ prompt: "x", model: "sora-2" }), 400)).param).toBe("model");
  });

  it("has no list, delete or remix", async () => {
    const created = YiReverseVideoSchema.parse(await (await submit({ prompt: "short" })).json());
    expect((await expectErrorResponse(await fetch(`${sim.api}/videos`, { headers: AUTH }), 404)).message).toBe(
      "Invalid URL (GET /v1/videos)",
    );
    await expectErrorResponse(await fetch(`${sim.api}/videos/${created.id}`, { method: "DELETE", headers: AUTH }), 404);
    await expectErrorResponse(
      await fetch(`${sim.api}/videos/${created.id}/remix`, { method: "POST", headers: AUTH }),
      404,
    );
  });
});
