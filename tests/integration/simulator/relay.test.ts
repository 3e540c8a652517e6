import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { RelayVideoSchema, type RelayVideo } from "@/lib/upstream-schemas";
import { drain } from "./support/fault-helpers";
import { postForm, postJson, readJson, stepUntil, TestClock } from "./support/dialect-helpers";
import { expectErrorResponse, probeVideo, startTestSimulator, type TestSimulator } from "./support/harness";

// The relaxed-relay profile (LaoZhang Muse, API易 Oxygen, new-api relays), served beside the
// default openai profile at <root>/relay/v1: `id` + `task_id`, pending → processing/running →
// succeeded, string progress, string errors, the result as a signed link in the body that must
// be fetched WITHOUT a key, /content answering 400 for 4 s after completion, no variants.

const KEY = "sk-relay-test";
const AUTH = { authorization: `Bearer ${KEY}` };

let sim: TestSimulator;
let clock: TestClock;
let api = "";
let control = "";
beforeAll(async () => {
  clock = new TestClock();
  // Default profile openai at /v1: the relay profile is reached beside it.
  sim = await startTestSimulator({ timeScale: 1, now: clock.now });
  api = `${sim.url}/relay/v1`;
  control = `${sim.url}/relay/__simulator`;
});
afterAll(async () => {
  await sim.stop();
});

async function create(body: Record<string, unknown>, headers: Record<string, string> = AUTH): Promise<RelayVideo> {
  return RelayVideoSchema.parse(await readJson(await postJson(`${api}/videos`, body, headers), 200));
}

async function retrieve(id: string): Promise<RelayVideo> {
  return RelayVideoSchema.parse(await readJson(await fetch(`${api}/videos/${id}`, { headers: AUTH }), 200));
}

/** Follows a job on the test clock, recording each status word it shows. */
async function follow(
  id: string,
  until: readonly string[],
  stepMs = 250,
): Promise<{ final: RelayVideo; seen: string[] }> {
  const seen: string[] = [];
  const final = await stepUntil(
    clock,
    async () => {
      const video = await retrieve(id);
      if (seen[seen.length - 1] !== video.status) seen.push(video.status);
      return video;
    },
    until,
    stepMs,
  );
  return { final: RelayVideoSchema.parse(final), seen };
}

async function setRelayFaults(rules: string | string[]): Promise<void> {
  const response = await fetch(`${control}/faults`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ rules }),
  });
  expect(response.status).toBe(200);
}

describe("relay: Muse", () => {
  it("runs pending → processing → succeeded with string progress; video_url is a signed link served without a key", async () => {
    const video = await create({
      model: "muse-video",
      prompt: "A red kite over the dunes",
      seconds: "5",
      size: "1280x720",
    });
    expect(video).toMatchObject({
      task_id: video.id,
      object: "video",
      status: "pending",
      progress: "0%",
      size: "1280x720",
      seconds: "5",
    });
    expect(video.id).toMatch(/^task_[0-9a-f]{48}$/);
    expect(video.video_url).toBeUndefined();

    const progress = new Set<string>();
    const seen: string[] = [];
    const done = RelayVideoSchema.parse(
      await stepUntil(clock, async () => {
        const current = await retrieve(video.id);
        progress.add(current.progress);
        if (seen[seen.length - 1] !== current.status) seen.push(current.status);
        return current;
      }, ["succeeded"]),
    );
    expect(seen).toEqual(["pending", "processing", "succeeded"]);
    expect([...progress].some((p) => p !== "0%" && p !== "100%")).toBe(true);
    expect(done.progress).toBe("100%");
    expect(done.metadata).toBeUndefined();
    expect(done.urls).toBeUndefined();
    const link = String(done.video_url);
    expect(link).toMatch(new RegExp(`^${sim.url}/relay/cdn/${video.id}\\.mp4\\?token=[0-9a-f]{32}$`));

    // Like a presigned S3 URL: a request that also carries Authorization is refused ...
    const withKey = await fetch(link, { headers: AUTH });
    expect(withKey.status).toBe(400);
    expect(await withKey.text()).toContain("<Code>InvalidArgument</Code>");
    // ... a wrong token is denied ...
    const forged = await fetch(link.replace(/token=\w+/, "token=0000"));
    expect(forged.status).toBe(403);
    await forged.body?.cancel();
    // ... and without any key it is the video (no delay on the link).
    const file = await fetch(link);
    expect(file.status).toBe(200);
    expect(file.headers.get("content-type")).toBe("video/mp4");
    const probe = await probeVideo(new Uint8Array(await file.arrayBuffer()));
    expect(probe).toMatchObject({ codec: "h264", width: 1280, height: 720 });
    expect(Math.abs(probe.duration - 5)).toBeLessThanOrEqual(1 / probe.frameRate);
  });

  it("answers /content (key required) with 400 for about 4 s after completion, then the MP4 whatever the variant", async () => {
    const video = await create({ model: "muse-video", prompt: "content delay", seconds: "5" });
    await follow(video.id, ["succeeded"], 100);
    const content = `${api}/videos/${video.id}/content`;
    await expectErrorResponse(await fetch(content, { headers: AUTH }), 400);
    await expectErrorResponse(await fetch(content), 401);
    clock.advance(4_100);
    const thumbnail = await fetch(`${content}?variant=thumbnail`, { headers: AUTH });
    expect(thumbnail.status).toBe(200);
    expect(thumbnail.headers.get("content-type")).toBe("video/mp4");
    const probe = await probeVideo(new Uint8Array(await thumbnail.arrayBuffer()));
    expect(probe).toMatchObject({ width: 720, height: 1280 });
  });

  it("keeps links 7 days: then the link is expired (403), /content 404, and the task still answers", async () => {
    const video = await create({ model: "muse-video", prompt: "seven days", seconds: "5" });
    const { final } = await follow(video.id, ["succeeded"], 1000);
    clock.advance(6 * 86_400_000);
    const stillThere = await fetch(String(final.video_url), { method: "HEAD" });
    expect(stillThere.status).toBe(200);
    clock.advance(86_400_000);
    const expired = await fetch(String(final.video_url));
    expect(expired.status).toBe(403);
    expect(await expired.text()).toContain("Request has expired");
    await expectErrorResponse(await fetch(`${api}/videos/${video.id}/content`, { headers: AUTH }), 404);
    expect((await retrieve(video.id)).status).toBe("succeeded");
  });

  it("takes each Muse model's lengths (an omitted length is the longest), and refuses others", async () => {
    expect((await create({ model: "muse-video", prompt: "default length" })).seconds).toBe("10");
    expect((await create({ model: "muse-video", prompt: "eight", seconds: 8 })).seconds).toBe("8");
    expect((await create({ model: "muse-video-20s", prompt: "twenty" })).seconds).toBe("20");
    expect((await create({ model: "muse-video-60s", prompt: "sixty", seconds: "60" })).seconds).toBe("60");
    for (const body of [
      { model: "muse-video", prompt: "x", seconds: "6" },
      { model: "muse-video-20s", prompt: "x", seconds: "8" },
      { model: "muse-video", prompt: "x", size: "1792x1024" },
      { model: "muse-video", prompt: "x", seconds: "five" },
    ]) {
      expect((await expectErrorResponse(await postJson(`${api}/videos`, body, AUTH), 400)).param).toMatch(
        /seconds|size/,
      );
    }
    expect((await expectErrorResponse(await postJson(`${api}/videos`, { prompt: "x" }, AUTH), 400)).param).toBe(
      "model",
    );
    expect(
      (await expectErrorResponse(await postJson(`${api}/videos`, { prompt: "x", model: "sora-2" }, AUTH), 400)).code,
    ).toBe("model_not_found");
  });

  it("remixes a Muse video into a new task of the same model; Oxygen has no remix; no list or delete", async () => {
    const source = await create({ model: "muse-video", prompt: "remix source", seconds: "5" });
    const remixOf = async (id: string) =>
      fetch(`${api}/videos/${id}/remix`, {
        method: "POST",
        headers: { ...AUTH, "content-type": "application/json" },
        body: JSON.stringify({ prompt: "now at night" }),
      });
    await follow(source.id, ["succeeded"], 1000);
    const remix = RelayVideoSchema.parse(await readJson(await remixOf(source.id), 200));
    expect(remix).toMatchObject({
      model: "muse-video",
      seconds: "5",
      status: "pending",
      remixed_from_video_id: source.id,
    });
    const oxygen = await create({ model: "oxygen-1.0", prompt: "no remix", seconds: 4 });
    await follow(oxygen.id, ["succeeded"], 1000);
    expect((await expectErrorResponse(await remixOf(oxygen.id), 400)).message).toContain("not supported");
    await expectErrorResponse(await fetch(`${api}/videos`, { headers: AUTH }), 404);
    await expectErrorResponse(await fetch(`${api}/videos/${source.id}`, { method: "DELETE", headers: AUTH }), 404);
  });
});

describe("relay: Oxygen and new-api shapes", () => {
  it("Oxygen: any whole length 4–15 (a JSON number too), 720x1280 when size is omitted, unknown fields dropped, running, metadata.url", async () => {
    const video = await create({ model: "oxygen-1.0", prompt: "Oxygen test", seconds: 7, style: "anime", n: 2 });
    expect(video).toMatchObject({ size: "720x1280", seconds: "7" });
    const { final, seen } = await follow(video.id, ["succeeded"]);
    expect(seen).toEqual(["pending", "running", "succeeded"]);
    expect(final.video_url).toBeUndefined();
    const link = String(final.metadata?.url);
    const probe = await probeVideo(new Uint8Array(await (await fetch(link)).arrayBuffer()));
    expect(probe).toMatchObject({ width: 720, height: 1280 });
    expect(Math.abs(probe.duration - 7)).toBeLessThanOrEqual(1 / probe.frameRate);
    for (const body of [
      { model: "oxygen-1.0", prompt: "x", seconds: 16 },
      { model: "oxygen-1.0", prompt: "x", seconds: 3 },
      { model: "oxygen-1.0", prompt: "x", size: "1920x1080" },
    ]) {
      await expectErrorResponse(await postJson(`${api}/videos`, body, AUTH), 400);
    }
    expect((await create({ model: "oxygen-1.0", prompt: "square", seconds: "4", size: "768x768" })).size).toBe(
      "768x768",
    );
  });

  it("[[result:urls]] puts the link in urls[]; [[result:none]] gives no link at all (then /content is the way)", async () => {
    const inUrls = await create({ model: "muse-video", prompt: "urls [[result:urls]]", seconds: "5" });
    const none = await create({ model: "oxygen-1.0", prompt: "no link [[result:none]]", seconds: 4 });
    const urls = (await follow(inUrls.id, ["succeeded"], 1000)).final;
    expect(urls.urls).toHaveLength(1);
    expect(urls.video_url).toBeUndefined();
    expect((await fetch(String(urls.urls?.[0]), { method: "HEAD" })).status).toBe(200);
    const bare = (await follow(none.id, ["succeeded"], 1000)).final;
    expect([bare.video_url, bare.metadata, bare.urls]).toEqual([undefined, undefined, undefined]);
    clock.advance(5_000);
    expect((await fetch(`${api}/videos/${none.id}/content`, { headers: AUTH, method: "HEAD" })).status).toBe(200);
  });

  it("[[statuses:upper]] answers QUEUED → IN_PROGRESS → SUCCESS; [[statuses:unknown]] answers unknown until done", async () => {
    const upper = await create({ model: "muse-video", prompt: "upper [[statuses:upper]]", seconds: "5" });
    expect(upper.status).toBe("QUEUED");
    expect((await follow(upper.id, ["SUCCESS"])).seen).toEqual(["QUEUED", "IN_PROGRESS", "SUCCESS"]);
    const unknown = await create({ model: "oxygen-1.0", prompt: "unknown [[statuses:unknown]]", seconds: 4 });
    expect((await follow(unknown.id, ["succeeded"])).seen).toEqual(["unknown", "succeeded"]);
    const failedUpper = await create({
      model: "muse-video",
      prompt: "x [[statuses:upper]] [[moderation]]",
      seconds: "5",
    });
    expect((await follow(failedUpper.id, ["FAILURE"], 1000)).final.error).toBe("Content policy violation");
  });

  it("an instance rule shapes the next jobs (result:urls*1), then the model's default comes back", async () => {
    await setRelayFaults("result:urls*1");
    const first = await create({ model: "muse-video", prompt: "first", seconds: "5" });
    const second = await create({ model: "muse-video", prompt: "second", seconds: "5" });
    expect((await follow(first.id, ["succeeded"], 1000)).final.urls).toHaveLength(1);
    expect((await follow(second.id, ["succeeded"], 1000)).final.video_url).toBeDefined();
  });

  it("reports failures as plain strings and carries no link", async () => {
    const blocked = await create({ model: "muse-video", prompt: "blocked [[moderation]]", seconds: "5" });
    const broken = await create({ model: "oxygen-1.0", prompt: "broken [[fail:internal_error]]", seconds: 4 });
    const first = (await follow(blocked.id, ["failed"], 1000)).final;
    expect(first).toMatchObject({ status: "failed", error: "Content policy violation" });
    expect(first.video_url).toBeUndefined();
    expect((await follow(broken.id, ["failed"], 1000)).final.error).toBe("服务内部异常");
    await expectErrorResponse(await fetch(`${api}/videos/${blocked.id}/content`, { headers: AUTH }), 400);
  });
});

describe("relay: keys and faults", () => {
  it("accepts the key with or without Bearer; another key's task is not found; a bad key is 401", async () => {
    const mine = await create({ model: "muse-video", prompt: "keys", seconds: "5" }, { authorization: KEY });
    expect((await retrieve(mine.id)).id).toBe(mine.id);
    await expectErrorResponse(
      await fetch(`${api}/videos/${mine.id}`, { headers: { authorization: "Bearer sk-other" } }),
      404,
    );
    await expectErrorResponse(
      await postJson(`${api}/videos`, { model: "muse-video", prompt: "x" }, { authorization: "Bearer sk-invalid" }),
      401,
    );
  });

  it("answers a quota fault with new-api's 403 insufficient_user_quota", async () => {
    await setRelayFaults("quota@create*1");
    const refused = await expectErrorResponse(
      await postJson(`${api}/videos`, { model: "muse-video", prompt: "x" }, AUTH),
      403,
    );
    expect(refused.code).toBe("insufficient_user_quota");
  });

  it("drops or cuts downloads of the signed link (@cdn), once", async () => {
    const video = await create({
      model: "muse-video",
      prompt: "cut link [[drop@cdn*1]] [[truncate@cdn*1]]",
      seconds: "5",
    });
    const link = String((await follow(video.id, ["succeeded"], 1000)).final.video_url);
    await expect(fetch(link)).rejects.toThrow();
    const cut = await fetch(link);
    const declared = Number(cut.headers.get("content-length"));
    expect(await drain(cut)).toEqual({ received: Math.floor(declared / 2), broke: true });
    expect(await drain(await fetch(link))).toEqual({ received: declared, broke: false });
  });

  it("keeps its own fault rules, stats and jobs: the default profile at /v1 does not see relay tasks", async () => {
    const video = await create({ model: "muse-video", prompt: "separate", seconds: "5" });
    await expectErrorResponse(await fetch(`${sim.url}/v1/videos/${video.id}`, { headers: AUTH }), 404);
    const health = (await readJson(await fetch(`${control}/health`), 200)) as {
      profile: string;
      expirySeconds: number;
    };
    expect(health).toMatchObject({ profile: "relay", expirySeconds: 7 * 86_400 });
    const multipart = await postForm(`${api}/videos`, { model: "muse-video", prompt: "multipart", seconds: "5" }, AUTH);
    expect(RelayVideoSchema.parse(await readJson(multipart, 200)).seconds).toBe("5");
  });
});
