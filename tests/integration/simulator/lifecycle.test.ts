import { createHash } from "node:crypto";
import { readdir, rm } from "node:fs/promises";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import {
  AUTH,
  createJson,
  expectErrorResponse,
  expectVideoResource,
  getJson,
  startTestSimulator,
  until,
  waitForStatus,
  type TestSimulator,
} from "./support/harness";

// The clock-driven lifecycle, restart survival and expiry, over real HTTP and real waiting.

const running: TestSimulator[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((sim) => sim.stop()));
});

async function start(init: Parameters<typeof startTestSimulator>[0] = {}): Promise<TestSimulator> {
  const sim = await startTestSimulator(init);
  running.push(sim);
  return sim;
}

async function create(sim: TestSimulator, prompt: string, extra: Record<string, unknown> = {}): Promise<string> {
  return expectVideoResource(await (await createJson(sim.api, { prompt, ...extra })).json()).id;
}

const sha256 = (bytes: ArrayBuffer) => createHash("sha256").update(new Uint8Array(bytes)).digest("hex");

describe("lifecycle", () => {
  it("goes queued → in_progress with rising progress → completed on the scaled clock", async () => {
    // 0.03 turns a ~20 s job into ~0.6 s, long enough to watch every phase.
    const sim = await start({ timeScale: 0.03 });
    const id = await create(sim, "watch me");
    const observed: { status: string; progress: number }[] = [];
    await until(
      async () => {
        const video = expectVideoResource((await getJson(`${sim.api}/videos/${id}`)).body);
        observed.push({ status: video.status, progress: video.progress });
        return video;
      },
      (video) => video.status === "completed",
      10_000,
      10,
    );
    const statuses = observed.map((o) => o.status).filter((s, i, all) => s !== all[i - 1]);
    expect(statuses).toEqual(["queued", "in_progress", "completed"]);
    const progress = observed.filter((o) => o.status === "in_progress").map((o) => o.progress);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    expect(new Set(progress).size).toBeGreaterThan(3);
    expect(observed.filter((o) => o.status === "queued").every((o) => o.progress === 0)).toBe(true);
    expect(observed[observed.length - 1]?.progress).toBe(100);
  });

  it("is still queued shortly after creation at the default time scale", async () => {
    const sim = await start({ timeScale: 1 });
    const id = await create(sim, "patience");
    await new Promise((resolve) => setTimeout(resolve, 300));
    const video = (await getJson(`${sim.api}/videos/${id}`)).body;
    expect(video).toMatchObject({ status: "queued", progress: 0, completed_at: null });
  });
});

describe("restart", () => {
  it("keeps jobs, their state and their media across a restart on the same data dir", async () => {
    const first = await start();
    const done = await create(first, "survives a restart");
    await waitForStatus(first.api, done, ["completed"]);
    const before = await (await fetch(`${first.api}/videos/${done}/content`, { headers: AUTH })).arrayBuffer();
    const stalled = await create(first, "stalls across a restart [[stall:30]]");
    const failed = await create(first, "fails before the restart [[fail:processing_error]]");
    await waitForStatus(first.api, failed, ["failed"]);
    const snapshot = await Promise.all(
      [done, stalled, failed].map(async (id) => (await getJson(`${first.api}/videos/${id}`)).body),
    );
    await first.stop({ removeData: false });
    running.splice(running.indexOf(first), 1);

    const jobFiles = await readdir(path.join(first.dataDir, "jobs"));
    expect(jobFiles.sort()).toEqual([done, stalled, failed].map((id) => `${id}.json`).sort());

    const second = await start({ dataDir: first.dataDir });
    for (const [index, id] of [done, stalled, failed].entries()) {
      const after = (await getJson(`${second.api}/videos/${id}`)).body;
      expect(after).toEqual(snapshot[index]);
    }
    const listed = (await getJson(`${second.api}/videos?order=asc`)).body as { data: { id: string }[] };
    expect(listed.data.map((v) => v.id)).toEqual([done, stalled, failed]);
    const afterBytes = await (await fetch(`${second.api}/videos/${done}/content`, { headers: AUTH })).arrayBuffer();
    expect(sha256(afterBytes)).toBe(sha256(before));
    expect(((await getJson(`${second.url}/__simulator/stats`)).body as { renders: number }).renders).toBe(0);

    // The media is a cache: without it the same bytes are rendered again.
    await rm(path.join(first.dataDir, "media"), { recursive: true, force: true });
    const rerendered = await (await fetch(`${second.api}/videos/${done}/content`, { headers: AUTH })).arrayBuffer();
    expect(sha256(rerendered)).toBe(sha256(before));

    const newer = await create(second, "made after the restart");
    const newest = (await getJson(`${second.api}/videos?limit=1`)).body as { data: { id: string }[] };
    expect(newest.data[0]?.id).toBe(newer);
  });

  it("leaves no temporary files behind", async () => {
    const sim = await start();
    const id = await create(sim, "tidy");
    await waitForStatus(sim.api, id, ["completed"]);
    await fetch(`${sim.api}/videos/${id}/content`, { headers: AUTH });
    const jobs = await readdir(path.join(sim.dataDir, "jobs"));
    const media = await readdir(path.join(sim.dataDir, "media", id));
    expect(jobs.every((name) => name.endsWith(".json"))).toBe(true);
    expect(media.sort()).toEqual(["spritesheet.jpg", "thumbnail.webp", "video.mp4"]);
  });

  it("removes a deleted job's files", async () => {
    const sim = await start();
    const id = await create(sim, "to be deleted");
    await waitForStatus(sim.api, id, ["completed"]);
    await fetch(`${sim.api}/videos/${id}/content`, { headers: AUTH });
    expect((await fetch(`${sim.api}/videos/${id}`, { method: "DELETE", headers: AUTH })).status).toBe(200);
    expect(await readdir(path.join(sim.dataDir, "jobs"))).toEqual([]);
    expect(await readdir(path.join(sim.dataDir, "media"))).toEqual([]);
  });
});

describe("expiry", () => {
  it("keeps answering retrieve after expiry while content answers 404", async () => {
    const sim = await start({ expirySeconds: 1 });
    const id = await create(sim, "short-lived");
    const done = await waitForStatus(sim.api, id, ["completed"]);
    expect(done.expires_at).toBe(Number(done.completed_at) + 1);
    expect((await fetch(`${sim.api}/videos/${id}/content?variant=thumbnail`, { headers: AUTH })).status).toBe(200);
    const waitMs = Number(done.expires_at) * 1000 - Date.now() + 50;
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, waitMs)));
    for (const variant of ["video", "thumbnail", "spritesheet"]) {
      const response = await fetch(`${sim.api}/videos/${id}/content?variant=${variant}`, { headers: AUTH });
      expect((await expectErrorResponse(response, 404)).message).toContain("expired");
    }
    const after = expectVideoResource((await getJson(`${sim.api}/videos/${id}`)).body);
    expect(after).toMatchObject({ status: "completed", expires_at: done.expires_at });
  });

  it("honours a per-job [[expires:S]] marker and the one-day default", async () => {
    const sim = await start();
    const quick = await create(sim, "gone soon [[expires:0]]");
    const normal = await create(sim, "kept a day");
    const quickDone = await waitForStatus(sim.api, quick, ["completed"]);
    const normalDone = await waitForStatus(sim.api, normal, ["completed"]);
    expect(quickDone.expires_at).toBe(quickDone.completed_at);
    expect(normalDone.expires_at).toBe(Number(normalDone.completed_at) + 86400);
    await expectErrorResponse(await fetch(`${sim.api}/videos/${quick}/content`, { headers: AUTH }), 404);
  });
});
