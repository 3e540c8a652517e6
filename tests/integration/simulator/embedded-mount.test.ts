import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { env } from "@/lib/env";
import { VideoResourceSchema } from "@/lib/upstream-schemas";
import { createSimulator, type Simulator } from "@/lib/simulator/create-simulator";

// The studio mounts the same handler under /api/simulator (app/api/simulator/[...path]/route.ts).
// Here the route module is called in-process with web Requests, the way Next.js calls it.

const ORIGIN = "http://localhost:3000";
let dataDir = "";

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), "sora-embedded-"));
  process.env.SIMULATOR_DATA_DIR = dataDir;
  process.env.SIMULATOR_TIME_SCALE = "0.002";
  process.env.SIMULATOR_CONTROL = "on"; // the embedded default is off
});
afterAll(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

// The embedded mount accepts only the studio's own key (embedded-keys.test.ts probes the rest).
const studioAuth = () => ({ authorization: `Bearer ${env.simulatorKey()}` });

describe("the embedded route", () => {
  it("serves the API under /api/simulator/v1 and the controls under /api/simulator/__simulator", async () => {
    const route = await import("@/app/api/simulator/[...path]/route");
    const auth = studioAuth();
    expect(route.runtime).toBe("nodejs");
    expect(route.dynamic).toBe("force-dynamic");
    const created = await route.POST(
      new Request(`${ORIGIN}/api/simulator/v1/videos`, {
        method: "POST",
        headers: { ...auth, "content-type": "application/json" },
        body: '{"prompt":"embedded"}',
      }),
    );
    expect(created.status).toBe(200);
    const video = VideoResourceSchema.parse(await created.json());
    const fetched = await route.GET(new Request(`${ORIGIN}/api/simulator/v1/videos/${video.id}`, { headers: auth }));
    expect(VideoResourceSchema.parse(await fetched.json()).id).toBe(video.id);
    const health = await route.GET(new Request(`${ORIGIN}/api/simulator/__simulator/health`));
    expect(await health.json()).toMatchObject({ ok: true, profile: "openai", timeScale: 0.002 });
    const outside = await route.GET(new Request(`${ORIGIN}/api/simulator/v2/videos`, { headers: auth }));
    expect(outside.status).toBe(404);
    expect(outside.headers.get("x-request-id")).toMatch(/^req_/);
  });

  it("serves every profile side by side at embeddedProfileBasePath(profile), each with its own jobs", async () => {
    const route = await import("@/app/api/simulator/[...path]/route");
    const { EMBEDDED_PROFILES, embeddedProfileBasePath, simulatorProfileBaseUrl } =
      await import("@/lib/simulator/embedded");
    expect([...EMBEDDED_PROFILES]).toEqual(["openai", "yi-reverse", "relay", "veo", "openrouter"]);
    expect(simulatorProfileBaseUrl(`${ORIGIN}/api/simulator/v1`, "relay")).toBe(`${ORIGIN}/api/simulator/relay/v1`);
    expect(simulatorProfileBaseUrl("http://127.0.0.1:4010/v1/", "veo")).toBe("http://127.0.0.1:4010/veo/v1");
    const bodies: Record<string, Record<string, unknown>> = {
      openai: { prompt: "p" },
      "yi-reverse": { prompt: "p", model: "sora-2", size: "720x1280", seconds: "10" },
      relay: { prompt: "p", model: "muse-video", seconds: "5" },
      veo: { prompt: "p", model: "veo-3.1-fast-generate-preview", seconds: "4" },
      openrouter: { prompt: "p", model: "google/veo-3.1" },
    };
    const ids: string[] = [];
    for (const profile of EMBEDDED_PROFILES) {
      const base = embeddedProfileBasePath(profile);
      expect(base).toBe(`/api/simulator/${profile}/v1`);
      const created = await route.POST(
        new Request(`${ORIGIN}${base}/videos`, {
          method: "POST",
          headers: { ...studioAuth(), "content-type": "application/json" },
          body: JSON.stringify(bodies[profile]),
        }),
      );
      // OpenRouter answers a create with 202 Accepted; the others with 200.
      expect(created.status, profile).toBe(profile === "openrouter" ? 202 : 200);
      const id = String(((await created.json()) as { id: string }).id);
      ids.push(id);
      const fetched = await route.GET(new Request(`${ORIGIN}${base}/videos/${id}`, { headers: studioAuth() }));
      expect(fetched.status, profile).toBe(200);
      // Only the studio's key, on every profile (decision 014).
      const stranger = await route.GET(
        new Request(`${ORIGIN}${base}/videos/${id}`, { headers: { authorization: "Bearer sk-stranger" } }),
      );
      expect([401, 403], profile).toContain(stranger.status);
      const health = await route.GET(new Request(`${ORIGIN}/api/simulator/${profile}/__simulator/health`));
      expect(await health.json()).toMatchObject({ ok: true, profile });
    }
    // A job answers only under its own profile; /api/simulator/v1 is the openai profile.
    const relayJob = ids[2] ?? "";
    expect(
      (await route.GET(new Request(`${ORIGIN}/api/simulator/v1/videos/${relayJob}`, { headers: studioAuth() }))).status,
    ).toBe(404);
    expect(
      (await route.GET(new Request(`${ORIGIN}/api/simulator/v1/videos/${ids[0] ?? ""}`, { headers: studioAuth() })))
        .status,
    ).toBe(200);
  });

  it("is one instance per process", async () => {
    const { getEmbeddedSimulator } = await import("@/lib/simulator/embedded");
    expect(getEmbeddedSimulator()).toBe(getEmbeddedSimulator());
    expect(getEmbeddedSimulator().options).toMatchObject({ basePath: "/api/simulator/v1", dataDir });
  });
});

describe("faults when only a Response can be returned", () => {
  const auth = { authorization: "Bearer sk-embedded" };
  let sim: Simulator;
  let dir = "";
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), "sora-embedded-faults-"));
    sim = createSimulator({
      dataDir: dir,
      basePath: "/api/simulator/v1",
      timeScale: 0,
      faults: "drop@list*1, truncate@list*1",
    });
  });
  afterAll(async () => {
    await sim.close();
    await rm(dir, { recursive: true, force: true });
  });

  it("fails the body of a dropped connection and of a truncated one", async () => {
    const list = () => sim.handle(new Request(`${ORIGIN}/api/simulator/v1/videos`, { headers: auth }));
    const dropped = await list();
    await expect(dropped.text()).rejects.toThrow(/dropped/);
    const truncated = await list();
    const declared = Number(truncated.headers.get("content-length"));
    const reader = truncated.body?.getReader();
    const first = await reader?.read();
    expect(first?.value?.byteLength).toBe(Math.floor(declared / 2));
    await expect(reader?.read()).rejects.toThrow(/truncated/);
    expect((await list()).status).toBe(200);
  });
});
