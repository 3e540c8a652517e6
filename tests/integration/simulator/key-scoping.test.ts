import { createHash } from "node:crypto";
import { readdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import OpenAI from "openai";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createJson,
  expectErrorResponse,
  expectVideoResource,
  startTestSimulator,
  waitForStatus,
  type TestSimulator,
} from "./support/harness";

// Jobs belong to the key that made them, like a provider account: over real HTTP, another key
// neither lists nor reads, downloads, remixes or deletes them, and gets the 404 of an unknown id.

const ALICE = "sk-alice-0000000000000000";
const BOB = "sk-bob-11111111111111111111";
const as = (key: string) => ({ authorization: `Bearer ${key}` });
const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");

let sim: TestSimulator;
let aliceJob = "";
beforeAll(async () => {
  sim = await startTestSimulator();
  const created = expectVideoResource(
    await (await createJson(sim.api, { prompt: "Alice's private lighthouse" }, as(ALICE))).json(),
  );
  aliceJob = created.id;
  await waitForStatus(sim.api, aliceJob, ["completed"], undefined, as(ALICE));
});
afterAll(async () => {
  await sim.stop();
});

async function expectUnknownVideo(response: Response, id: string): Promise<void> {
  const error = await expectErrorResponse(response, 404);
  expect(error).toEqual({
    message: `Video with id '${id}' not found.`,
    type: "invalid_request_error",
    param: null,
    code: null,
  });
}

describe("jobs scoped by API key (standalone, any key accepted)", () => {
  it("lists only the caller's jobs, with the SDK's auto-paging too", async () => {
    const bob = expectVideoResource(await (await createJson(sim.api, { prompt: "Bob's own" }, as(BOB))).json());
    const ids = async (key: string) => {
      const all: string[] = [];
      for await (const video of new OpenAI({ apiKey: key, baseURL: sim.api, maxRetries: 0 }).videos.list({ limit: 1 }))
        all.push(video.id);
      return all;
    };
    expect(await ids(ALICE)).toContain(aliceJob);
    expect(await ids(ALICE)).not.toContain(bob.id);
    expect(await ids(BOB)).toEqual([bob.id]);
    const page = await fetch(`${sim.api}/videos?limit=100`, { headers: as(BOB) });
    expect(JSON.stringify(await page.json())).not.toContain("lighthouse");
    // A cursor naming another key's job pages on without revealing it.
    const after = (await (
      await fetch(`${sim.api}/videos?limit=100&order=asc&after=${aliceJob}`, { headers: as(BOB) })
    ).json()) as { data: { id: string }[] };
    expect(after.data.map((v) => v.id)).not.toContain(aliceJob);
  });

  it("answers retrieve, content (GET and HEAD, every variant), remix and delete of another key's job like an unknown id", async () => {
    await expectUnknownVideo(await fetch(`${sim.api}/videos/${aliceJob}`, { headers: as(BOB) }), aliceJob);
    for (const variant of ["video", "thumbnail", "spritesheet"]) {
      await expectUnknownVideo(
        await fetch(`${sim.api}/videos/${aliceJob}/content?variant=${variant}`, { headers: as(BOB) }),
        aliceJob,
      );
    }
    const head = await fetch(`${sim.api}/videos/${aliceJob}/content`, { method: "HEAD", headers: as(BOB) });
    expect(head.status).toBe(404);
    const remix = await fetch(`${sim.api}/videos/${aliceJob}/remix`, {
      method: "POST",
      headers: { ...as(BOB), "content-type": "application/json" },
      body: '{"prompt":"steal"}',
    });
    await expectUnknownVideo(remix, aliceJob);
    await expectUnknownVideo(
      await fetch(`${sim.api}/videos/${aliceJob}`, { method: "DELETE", headers: as(BOB) }),
      aliceJob,
    );
    const sdkError = await new OpenAI({ apiKey: BOB, baseURL: sim.api, maxRetries: 0 }).videos
      .delete(aliceJob)
      .catch((e: unknown) => e);
    expect(sdkError).toBeInstanceOf(OpenAI.NotFoundError);

    // Nothing was deleted: the owner still has the job and its bytes.
    expect((await fetch(`${sim.api}/videos/${aliceJob}`, { headers: as(ALICE) })).status).toBe(200);
    const content = await fetch(`${sim.api}/videos/${aliceJob}/content`, { headers: as(ALICE) });
    expect(content.status).toBe(200);
    expect((await content.arrayBuffer()).byteLength).toBeGreaterThan(1000);
    expect(await readdir(path.join(sim.dataDir, "jobs"))).toContain(`${aliceJob}.json`);
  });

  it("gives a remix to the key that asked for it", async () => {
    const alice = new OpenAI({ apiKey: ALICE, baseURL: sim.api, maxRetries: 0 });
    const remix = await alice.videos.remix(aliceJob, { prompt: "the lighthouse at night" });
    expect(remix.remixed_from_video_id).toBe(aliceJob);
    expect((await alice.videos.retrieve(remix.id)).id).toBe(remix.id);
    await expectUnknownVideo(await fetch(`${sim.api}/videos/${remix.id}`, { headers: as(BOB) }), remix.id);
  });

  it("never fires another key's job markers for a stranger", async () => {
    const marked = expectVideoResource(
      await (await createJson(sim.api, { prompt: "fragile [[500*1]]" }, as(ALICE))).json(),
    );
    await expectUnknownVideo(await fetch(`${sim.api}/videos/${marked.id}`, { headers: as(BOB) }), marked.id);
    expect((await fetch(`${sim.api}/videos/${marked.id}`, { headers: as(ALICE) })).status).toBe(500);
    expect((await fetch(`${sim.api}/videos/${marked.id}`, { headers: as(ALICE) })).status).toBe(200);
  });

  it("stores a hash of the key as the owner, never the key", async () => {
    const file = await readFile(path.join(sim.dataDir, "jobs", `${aliceJob}.json`), "utf8");
    expect((JSON.parse(file) as { owner: string }).owner).toBe(sha256(ALICE));
    expect(file).not.toContain(ALICE);
    expect(file).not.toContain("alice");
  });
});

describe("job files from before owners existed", () => {
  it("stay visible to every accepted key after a restart, and only to accepted keys", async () => {
    const old = await startTestSimulator();
    const job = expectVideoResource(
      await (await createJson(old.api, { prompt: "made before the upgrade" }, as(ALICE))).json(),
    );
    await waitForStatus(old.api, job.id, ["completed"], undefined, as(ALICE));
    await old.stop({ removeData: false });
    const file = path.join(old.dataDir, "jobs", `${job.id}.json`);
    const { owner, ...legacy } = JSON.parse(await readFile(file, "utf8")) as Record<string, unknown>;
    expect(owner).toBe(sha256(ALICE));
    await writeFile(file, JSON.stringify(legacy));

    const upgraded = await startTestSimulator({ dataDir: old.dataDir, apiKeys: [ALICE, BOB] });
    try {
      for (const key of [ALICE, BOB]) {
        expect((await fetch(`${upgraded.api}/videos/${job.id}`, { headers: as(key) })).status).toBe(200);
        expect((await fetch(`${upgraded.api}/videos/${job.id}/content`, { headers: as(key) })).status).toBe(200);
        const list = (await (await fetch(`${upgraded.api}/videos`, { headers: as(key) })).json()) as {
          data: { id: string }[];
        };
        expect(list.data.map((v) => v.id)).toContain(job.id);
      }
      const stranger = await fetch(`${upgraded.api}/videos/${job.id}`, { headers: as("sk-not-on-the-list-000000") });
      expect((await expectErrorResponse(stranger, 401)).code).toBe("invalid_api_key");
    } finally {
      await upgraded.stop();
    }
  });
});
