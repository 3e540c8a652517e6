import { createHash } from "node:crypto";
import { mkdtemp, readFile, rm, stat } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectErrorResponse } from "./support/harness";
import { serveEmbeddedRoute, type EmbeddedServer } from "./support/embedded-server";

// The studio's embedded simulator over real HTTP (the route module on a node:http server), with
// the studio pointed at it the default way (STUDIO_INTERNAL_URL + /api/simulator/v1). Nobody
// without the studio's own key may list, read, download, remix or delete its videos.

const PARTNER = "sk-partner-allow-listed-key-0001";
const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");

let server: EmbeddedServer;
let api = "";
let simDir = "";
let studioKey = "";
let jobId = "";

beforeAll(async () => {
  simDir = await mkdtemp(path.join(os.tmpdir(), "sora-embedded-keys-"));
  process.env.SIMULATOR_DATA_DIR = simDir;
  process.env.SIMULATOR_TIME_SCALE = "0.002";
  process.env.SIMULATOR_API_KEYS = PARTNER;
  delete process.env.SIMULATOR_CONTROL; // the studio's default: control routes off
  server = await serveEmbeddedRoute();
  api = `${server.url}/api/simulator/v1`;
  // The setup file points the studio at a standalone simulator; here it uses its embedded one.
  delete process.env.SIMULATOR_BASE_URL;
  process.env.STUDIO_INTERNAL_URL = server.url;
  const { env } = await import("@/lib/env");
  expect(env.simulatorBaseUrl).toBe(api);
  studioKey = env.simulatorKey();
});
afterAll(async () => {
  await server?.close();
  const { getEmbeddedSimulator } = await import("@/lib/simulator/embedded");
  await getEmbeddedSimulator().close();
  await rm(simDir, { recursive: true, force: true });
});

const as = (key: string) => ({ authorization: `Bearer ${key}` });
const json = { "content-type": "application/json" };

describe("the studio through its embedded simulator", () => {
  it("submits, polls and archives a video with its own generated key", async () => {
    const { createVideoJob } = await import("@/lib/videos/create-video-job");
    const { driveUntil, key, newTeam } = await import("../../support/video-harness");
    const { owner, team } = await newTeam();
    const { task } = await createVideoJob({
      teamId: team.id,
      userId: owner.id,
      idempotencyKey: key(),
      model: "sora-2",
      size: "720x1280",
      seconds: 4,
      prompt: "Team A's secret garden",
    });
    const done = await driveUntil(task.id, (row) => row.archiveStatus === "done");
    expect(done.status).toBe("completed");
    expect(done.providerJobId).toMatch(/^video_/);
    jobId = done.providerJobId!;

    // The key: generated once into the data folder, private; the job records only its hash.
    const keyFile = path.join(process.env.STUDIO_DATA_DIR!, "simulator-key");
    expect((await readFile(keyFile, "utf8")).trim()).toBe(studioKey);
    expect(studioKey.length).toBeGreaterThanOrEqual(32);
    expect((await stat(keyFile)).mode & 0o077).toBe(0);
    const record = await readFile(path.join(simDir, "jobs", `${jobId}.json`), "utf8");
    expect((JSON.parse(record) as { owner: string }).owner).toBe(sha256(studioKey));
    expect(record).not.toContain(studioKey);
  });

  it("answers 401 in OpenAI's envelope to no key, a made-up key and a non-Bearer header, and loses nothing", async () => {
    expect(jobId).not.toBe("");
    const callers: Record<string, string>[] = [
      {},
      as("sk-anything-at-all"),
      as("sk-sora-studio-simulator"),
      { authorization: `Basic ${studioKey}` },
    ];
    for (const headers of callers) {
      const requests: [string, RequestInit][] = [
        [`${api}/videos?limit=100`, { headers }],
        [`${api}/videos/${jobId}`, { headers }],
        [`${api}/videos/${jobId}/content`, { headers }],
        [`${api}/videos/${jobId}/content?variant=thumbnail`, { headers }],
        [`${api}/videos/${jobId}`, { method: "DELETE", headers }],
        [
          `${api}/videos/${jobId}/remix`,
          { method: "POST", headers: { ...headers, ...json }, body: '{"prompt":"mine now"}' },
        ],
        [`${api}/videos`, { method: "POST", headers: { ...headers, ...json }, body: '{"prompt":"free rides"}' }],
      ];
      for (const [url, init] of requests) {
        const response = await fetch(url, init);
        const text = await response.clone().text();
        expect(text).not.toContain("secret garden");
        expect(text).not.toContain(jobId);
        expect(await expectErrorResponse(response, 401)).toMatchObject({
          code: "invalid_api_key",
          type: "invalid_request_error",
        });
      }
    }
    const kept = await fetch(`${api}/videos/${jobId}/content`, { headers: as(studioKey) });
    expect(kept.status).toBe(200);
    expect(kept.headers.get("content-type")).toBe("video/mp4");
  });

  it("lets an allow-listed key (SIMULATOR_API_KEYS) in, scoped to its own jobs", async () => {
    expect(jobId).not.toBe("");
    const list = (await (await fetch(`${api}/videos?limit=100`, { headers: as(PARTNER) })).json()) as {
      data: { id: string }[];
    };
    expect(list.data).toEqual([]);
    const notFound = {
      message: `Video with id '${jobId}' not found.`,
      type: "invalid_request_error",
      param: null,
      code: null,
    };
    expect(await expectErrorResponse(await fetch(`${api}/videos/${jobId}`, { headers: as(PARTNER) }), 404)).toEqual(
      notFound,
    );
    expect(
      await expectErrorResponse(await fetch(`${api}/videos/${jobId}/content`, { headers: as(PARTNER) }), 404),
    ).toEqual(notFound);
    expect(
      await expectErrorResponse(await fetch(`${api}/videos/${jobId}`, { method: "DELETE", headers: as(PARTNER) }), 404),
    ).toEqual(notFound);
    const remix = await fetch(`${api}/videos/${jobId}/remix`, {
      method: "POST",
      headers: { ...as(PARTNER), ...json },
      body: '{"prompt":"x"}',
    });
    expect(await expectErrorResponse(remix, 404)).toEqual(notFound);

    const own = (await (
      await fetch(`${api}/videos`, {
        method: "POST",
        headers: { ...as(PARTNER), ...json },
        body: '{"prompt":"partner"}',
      })
    ).json()) as { id: string };
    const studioList = (await (await fetch(`${api}/videos?limit=100`, { headers: as(studioKey) })).json()) as {
      data: { id: string }[];
    };
    expect(studioList.data.map((v) => v.id)).toContain(jobId);
    expect(studioList.data.map((v) => v.id)).not.toContain(own.id);
    expect((await fetch(`${api}/videos/${jobId}`, { headers: as(studioKey) })).status).toBe(200);
  });

  it("keeps the control routes off", async () => {
    for (const [method, action] of [
      ["GET", "health"],
      ["GET", "stats"],
      ["POST", "faults"],
      ["DELETE", "faults"],
    ] as const) {
      const response = await fetch(`${server.url}/api/simulator/__simulator/${action}`, {
        method,
        headers: as(studioKey),
      });
      expect(response.status).toBe(404);
    }
  });
});
