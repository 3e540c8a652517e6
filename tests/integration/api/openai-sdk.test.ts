import { setTimeout as sleep } from "node:timers/promises";
import OpenAI, { toFile } from "openai";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createApiToken, revokeApiToken } from "@/lib/teams/api-tokens";
import { changeMemberRole, removeMember } from "@/lib/teams/member-admin";
import { setTeamBudget } from "@/lib/teams/team-budget-settings";
import { listVideos as galleryPage } from "@/lib/videos/list-videos";
import { addMember, newTeam } from "../../support/video-harness";
import { startApiServer, type ApiServer } from "./support/api-server";
import { OPENAI_VIDEO_KEYS } from "../../support/openai-video-keys";

// The official `openai` SDK, unchanged, against the studio's /api/v1 over real HTTP: the route
// modules served by node:http, the real database, the simulator as the provider over HTTP, the
// sweep running in the background as in the studio. Nothing of ours is mocked.

let server: ApiServer;
beforeAll(async () => {
  server = await startApiServer();
});
afterAll(() => server.close());

const VIDEO_KEYS = OPENAI_VIDEO_KEYS;

async function tokenFor(teamId: string, userId: string, opts: { name?: string; capCents?: number | null } = {}) {
  const { token, id } = await createApiToken(db, userId, teamId, {
    name: opts.name ?? "script",
    monthlyCapCents: opts.capCents ?? null,
    expiresInDays: null,
  });
  return { token, id, client: new OpenAI({ baseURL: server.baseURL, apiKey: token, maxRetries: 0 }) };
}

async function world() {
  const { owner, team } = await newTeam("API team");
  return { owner, team, ...(await tokenFor(team.id, owner.id, { name: "nightly batch" })) };
}

/** Polls like a script would: retrieve until the status is terminal. */
async function settle(client: OpenAI, id: string, timeoutMs = 40_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const video = await client.videos.retrieve(id);
    if (video.status === "completed" || video.status === "failed") return video;
    if (Date.now() > deadline) throw new Error(`video ${id} still ${video.status}`);
    await sleep(100);
  }
}

async function refusal(promise: Promise<unknown>): Promise<InstanceType<typeof OpenAI.APIError>> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof OpenAI.APIError) return error;
    throw error;
  }
  throw new Error("expected the API to refuse");
}

const bytesOf = async (response: Response) => Buffer.from(await response.arrayBuffer());

describe("the openai SDK against /api/v1", () => {
  it("creates (multipart), polls, downloads every variant with Range, and the video is the gallery's, marked with the token", async () => {
    const w = await world();
    const created = await w.client.videos.create({
      model: "sora-2",
      prompt: "A lighthouse at dawn",
      seconds: "4",
      size: "720x1280",
    });
    expect(
      Object.keys(created)
        .filter((k) => k !== "studio")
        .sort(),
    ).toEqual(VIDEO_KEYS);
    expect(created).toMatchObject({
      object: "video",
      model: "sora-2",
      status: "queued",
      seconds: "4",
      size: "720x1280",
      prompt: "A lighthouse at dawn",
      completed_at: null,
      error: null,
      remixed_from_video_id: null,
    });
    expect(created).toMatchObject({ studio: { estimate_cents: 40, api_token: "nightly batch", cost_cents: null } });

    const done = await settle(w.client, created.id);
    expect(done.status).toBe("completed");
    expect(done.progress).toBe(100);
    expect(done.completed_at).toBeGreaterThanOrEqual(done.created_at);
    expect(done).toMatchObject({ studio: { cost_cents: 40, archive_status: "done" } });

    const video = await bytesOf(await w.client.videos.downloadContent(created.id));
    expect(video.subarray(4, 8).toString("latin1")).toBe("ftyp");
    const thumbnail = await bytesOf(await w.client.videos.downloadContent(created.id, { variant: "thumbnail" }));
    expect(thumbnail.subarray(8, 12).toString("latin1")).toBe("WEBP");
    const sprites = await bytesOf(await w.client.videos.downloadContent(created.id, { variant: "spritesheet" }));
    expect([...sprites.subarray(0, 3)]).toEqual([0xff, 0xd8, 0xff]);

    const part = await w.client.videos.downloadContent(
      created.id,
      { variant: "video" },
      { headers: { Range: "bytes=4-7" } },
    );
    expect(part.status).toBe(206);
    expect(part.headers.get("content-range")).toBe(`bytes 4-7/${video.length}`);
    expect((await bytesOf(part)).toString("latin1")).toBe("ftyp");

    const bad = await refusal(w.client.videos.downloadContent(created.id, { variant: "poster" as "video" }));
    expect(bad.status).toBe(400);
    expect(bad.param).toBe("variant");

    // The studio's gallery lists it, marked with the token it came through.
    const gallery = await galleryPage({ teamId: w.team.id, userId: w.owner.id });
    expect(gallery.items.find((v) => v.id === created.id)?.apiTokenName).toBe("nightly batch");
    const token = await db.apiToken.findUniqueOrThrow({ where: { id: w.id } });
    expect(token.lastUsedAt).not.toBeNull();
  });

  it("lists with auto-paging in both orders, and lists the team's models with their prices", async () => {
    const w = await world();
    const ids: string[] = [];
    for (const prompt of ["one", "two", "three"]) {
      ids.push((await w.client.videos.create({ model: "sora-2", prompt, seconds: "4", size: "1280x720" })).id);
    }
    const newestFirst: string[] = [];
    for await (const video of w.client.videos.list({ limit: 2 })) newestFirst.push(video.id);
    expect(newestFirst).toEqual([...ids].reverse());
    const oldestFirst: string[] = [];
    for await (const video of w.client.videos.list({ limit: 1, order: "asc" })) oldestFirst.push(video.id);
    expect(oldestFirst).toEqual(ids);

    const page = await w.client.videos.list({ limit: 1, after: ids[2] });
    expect(page.data.map((v) => v.id)).toEqual([ids[1]]);
    expect(page.has_more).toBe(true);
    expect((await refusal(w.client.videos.list({ after: "no-such-video" }))).param).toBe("after");

    const models = [];
    for await (const model of w.client.models.list()) models.push(model);
    const sora = models.find((m) => m.id === "sora-2") as unknown as {
      owned_by: string;
      studio: { price: { unit: string }; sizes: string[]; connection: { name: string } };
    };
    expect(sora.studio.price.unit).toBe("per_second");
    expect(sora.studio.sizes).toContain("720x1280");
    expect(sora.studio.connection.name).toBe("Simulator");
  });

  it("takes JSON with a data: URL reference, and refuses fields the form would refuse (400 with param)", async () => {
    const w = await world();
    const png = await sharp({ create: { width: 720, height: 1280, channels: 3, background: "#0ea5e9" } })
      .png()
      .toBuffer();
    const response = await fetch(`${server.baseURL}/videos`, {
      method: "POST",
      headers: { Authorization: `Bearer ${w.token}`, "Content-Type": "application/json" },
      body: JSON.stringify({
        model: "sora-2",
        prompt: "From this frame",
        seconds: 4,
        size: "720x1280",
        input_reference: { image_url: `data:image/png;base64,${png.toString("base64")}` },
      }),
    });
    expect(response.status).toBe(200);
    expect(response.headers.get("x-request-id")).toMatch(/^req_/);
    const video = (await response.json()) as { id: string };
    expect((await db.videoTask.findUniqueOrThrow({ where: { id: video.id } })).referenceImagePath).not.toBeNull();

    // The SDK's multipart file part too; a wrong-sized image is refused like in the form.
    const small = await sharp({ create: { width: 64, height: 64, channels: 3, background: "#000" } })
      .png()
      .toBuffer();
    const mismatch = await refusal(
      w.client.videos.create({
        model: "sora-2",
        prompt: "x",
        size: "720x1280",
        input_reference: await toFile(small, "small.png", { type: "image/png" }),
      }),
    );
    expect(mismatch).toMatchObject({ status: 400, param: "input_reference", type: "invalid_request_error" });

    const size = await refusal(w.client.videos.create({ model: "sora-2", prompt: "x", size: "1792x1024" }));
    expect(size).toMatchObject({ status: 400, param: "size", code: "invalid_value" });
    expect(size.message).toContain("720x1280");
    const seconds = await refusal(w.client.videos.create({ model: "sora-2", prompt: "x", seconds: "5" as "4" }));
    expect(seconds).toMatchObject({ status: 400, param: "seconds" });
    const prompt = await refusal(w.client.videos.create({ model: "sora-2", prompt: "  " }));
    expect(prompt).toMatchObject({ status: 400, param: "prompt" });
    const model = await refusal(w.client.videos.create({ model: "no-such-model" as "sora-2", prompt: "x" }));
    expect(model).toMatchObject({ status: 400, param: "model" });
    const connection = await fetch(`${server.baseURL}/videos`, {
      method: "POST",
      headers: { Authorization: `Bearer ${w.token}`, "Content-Type": "application/json" },
      body: JSON.stringify({ model: "sora-2", prompt: "x", connection: "nowhere" }),
    });
    expect(connection.status).toBe(400);
    expect(await connection.json()).toEqual({
      error: {
        message: expect.any(String) as string,
        type: "invalid_request_error",
        param: "connection",
        code: "invalid_value",
      },
    });
    // Only the accepted video exists.
    expect(await db.videoTask.count({ where: { teamId: w.team.id } })).toBe(1);
  });

  it("honours Idempotency-Key: the same key gives the same video, once; another token's key is its own", async () => {
    const w = await world();
    const body = { model: "sora-2" as const, prompt: "Once only", seconds: "4" as const };
    const headers = { "Idempotency-Key": "batch-42-row-7" };
    const first = await w.client.videos.create(body, { headers });
    const again = await w.client.videos.create(body, { headers }).withResponse();
    expect(again.data.id).toBe(first.id);
    expect(again.response.headers.get("idempotent-replayed")).toBe("true");
    expect(await db.videoTask.count({ where: { teamId: w.team.id } })).toBe(1);

    const other = await tokenFor(w.team.id, w.owner.id, { name: "other script" });
    const theirs = await other.client.videos.create(body, { headers });
    expect(theirs.id).not.toBe(first.id);
    const remixKey = { "Idempotency-Key": "remix-1" };
    const done = await settle(w.client, first.id);
    expect(done.status).toBe("completed");
    const remix = await w.client.videos.remix(first.id, { prompt: "Twice as bright" }, { headers: remixKey });
    expect((await w.client.videos.remix(first.id, { prompt: "Twice as bright" }, { headers: remixKey })).id).toBe(
      remix.id,
    );
    expect(await db.videoTask.count({ where: { teamId: w.team.id } })).toBe(3);
  });

  it("applies the team budget, the member's cap and the token's cap as the studio does: 402 insufficient_quota with what remains", async () => {
    const w = await world();
    await setTeamBudget(db, w.owner.id, w.team.id, 100);
    const over = await refusal(
      w.client.videos.create({ model: "sora-2-pro", prompt: "x", seconds: "4", size: "1024x1792" }),
    );
    expect(over.status).toBe(402);
    expect(over).toMatchObject({ type: "insufficient_quota", code: "insufficient_quota" });
    expect(over.error).toMatchObject({ budget: { scope: "team", remaining_cents: 100, cost_cents: 200 } });
    expect(over.message).toContain("$1.00");
    expect(await db.videoTask.count({ where: { teamId: w.team.id } })).toBe(0);

    // A token capped at $0.50: one 40-cent video fits, the second would pass the cap (40 held).
    await setTeamBudget(db, w.owner.id, w.team.id, null);
    const capped = await tokenFor(w.team.id, w.owner.id, { name: "capped", capCents: 50 });
    const fits = await capped.client.videos.create({ model: "sora-2", prompt: "fits", seconds: "4" });
    expect(fits).toMatchObject({ studio: { estimate_cents: 40 } });
    const second = await refusal(capped.client.videos.create({ model: "sora-2", prompt: "too much", seconds: "4" }));
    expect(second.status).toBe(402);
    expect(second.error).toMatchObject({ budget: { scope: "token", remaining_cents: 10, cost_cents: 40 } });
    // The cap is the token's: the same person's other token still submits.
    expect((await w.client.videos.create({ model: "sora-2", prompt: "other token", seconds: "4" })).status).toBe(
      "queued",
    );
    // The member's own cap (set in the studio) applies to their tokens too.
    await db.membership.update({
      where: { teamId_userId: { teamId: w.team.id, userId: w.owner.id } },
      data: { monthlyCapCents: 90 },
    });
    const member = await refusal(w.client.videos.create({ model: "sora-2", prompt: "x", seconds: "4" }));
    expect(member.error).toMatchObject({ budget: { scope: "member", remaining_cents: 10, cost_cents: 40 } });
  });

  it("concurrent creates never pass a token's cap: exactly as many as fit are started", async () => {
    const w = await world();
    const capped = await tokenFor(w.team.id, w.owner.id, { name: "parallel", capCents: 100 });
    const results = await Promise.allSettled(
      Array.from({ length: 5 }, (_, i) =>
        capped.client.videos.create({ model: "sora-2", prompt: `parallel ${i}`, seconds: "4" }),
      ),
    );
    const started = results.filter((r) => r.status === "fulfilled");
    const refused = results.flatMap((r) =>
      r.status === "rejected" ? [r.reason as InstanceType<typeof OpenAI.APIError>] : [],
    );
    expect(started).toHaveLength(2);
    expect(refused.map((e) => e.status)).toEqual([402, 402, 402]);
    expect(await db.videoTask.count({ where: { apiTokenId: capped.id } })).toBe(2);
  });

  it("remixes a completed video and deletes videos; a deleted one is gone", async () => {
    const w = await world();
    const source = await w.client.videos.create({ model: "sora-2", prompt: "A red kite", seconds: "4" });
    expect((await settle(w.client, source.id)).status).toBe("completed");
    const remix = await w.client.videos.remix(source.id, { prompt: "A blue kite" });
    expect(remix).toMatchObject({ remixed_from_video_id: source.id, prompt: "A blue kite", model: "sora-2" });
    expect(remix).toMatchObject({ studio: { api_token: "nightly batch" } });
    expect((await settle(w.client, remix.id)).status).toBe("completed");

    expect(await w.client.videos.delete(remix.id)).toEqual({ id: remix.id, object: "video.deleted", deleted: true });
    expect(await refusal(w.client.videos.retrieve(remix.id))).toBeInstanceOf(OpenAI.NotFoundError);
    expect((await refusal(w.client.videos.downloadContent(remix.id))).status).toBe(404);
    expect((await refusal(w.client.videos.delete(remix.id))).status).toBe(404);
    const unknown = await refusal(w.client.videos.remix("no-such-video", { prompt: "x" }));
    expect(unknown.status).toBe(404);
  });

  it("refuses a missing, malformed, revoked or expired token, and one whose creator left the team (401)", async () => {
    const w = await world();
    const anonymous = new OpenAI({ baseURL: server.baseURL, apiKey: "sst_not-a-real-token", maxRetries: 0 });
    const refused = await refusal(anonymous.models.list());
    expect(refused).toBeInstanceOf(OpenAI.AuthenticationError);
    expect(refused.code).toBe("invalid_api_key");
    const none = await fetch(`${server.baseURL}/models`);
    expect(none.status).toBe(401);

    expect((await w.client.models.list()).data.length).toBeGreaterThan(0);
    await revokeApiToken(db, w.owner.id, w.team.id, w.id);
    expect(await refusal(w.client.models.list())).toBeInstanceOf(OpenAI.AuthenticationError);

    const expiring = await tokenFor(w.team.id, w.owner.id, { name: "short" });
    await db.apiToken.update({ where: { id: expiring.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await refusal(expiring.client.models.list())).toBeInstanceOf(OpenAI.AuthenticationError);

    const admin = await addMember(w.team.id, "ADMIN");
    const theirs = await tokenFor(w.team.id, admin.id, { name: "admin's" });
    expect((await theirs.client.videos.list()).data).toEqual([]);
    await removeMember(db, w.owner.id, w.team.id, admin.id);
    expect(await refusal(theirs.client.videos.list())).toBeInstanceOf(OpenAI.AuthenticationError);
  });

  it("a token of another team finds nothing of this team's", async () => {
    const w = await world();
    const video = await w.client.videos.create({ model: "sora-2", prompt: "Ours", seconds: "4" });
    const other = await world();
    // One at a time: a request started before its refusal is awaited would reject unhandled.
    for (const attempt of [
      () => other.client.videos.retrieve(video.id),
      () => other.client.videos.downloadContent(video.id),
      () => other.client.videos.delete(video.id),
      () => other.client.videos.remix(video.id, { prompt: "theirs now" }),
    ])
      expect((await refusal(attempt())).status).toBe(404);
    expect((await other.client.videos.list()).data).toEqual([]);
    expect(await refusal(other.client.videos.list({ after: video.id }))).toMatchObject({ status: 400, param: "after" });
    expect((await db.videoTask.findUniqueOrThrow({ where: { id: video.id } })).deletedAt).toBeNull();
  });

  it("a member's token deletes only its creator's own videos (the studio's rule); an admin's any", async () => {
    const w = await world();
    const ownersVideo = await w.client.videos.create({ model: "sora-2", prompt: "The owner's", seconds: "4" });
    // Tokens are made by owners and admins; the creator's role today is what counts.
    const person = await addMember(w.team.id, "ADMIN");
    const theirs = await tokenFor(w.team.id, person.id, { name: "demoted" });
    await changeMemberRole(db, w.owner.id, w.team.id, person.id, "MEMBER");
    const ownVideo = await theirs.client.videos.create({ model: "sora-2", prompt: "Mine", seconds: "4" });

    const forbidden = await refusal(theirs.client.videos.delete(ownersVideo.id));
    expect(forbidden).toBeInstanceOf(OpenAI.PermissionDeniedError);
    expect((await db.videoTask.findUniqueOrThrow({ where: { id: ownersVideo.id } })).deletedAt).toBeNull();
    expect((await theirs.client.videos.delete(ownVideo.id)).deleted).toBe(true);

    await changeMemberRole(db, w.owner.id, w.team.id, person.id, "ADMIN");
    expect((await theirs.client.videos.delete(ownersVideo.id)).deleted).toBe(true);
  });

  it("limits requests per token with retry-after; other tokens are not affected", async () => {
    const w = await world();
    let limited: Response | null = null;
    for (let i = 0; i < 400 && !limited; i++) {
      const response = await fetch(`${server.baseURL}/models`, { headers: { Authorization: `Bearer ${w.token}` } });
      if (response.status === 429) limited = response;
      else await response.arrayBuffer();
    }
    expect(limited).not.toBeNull();
    expect(Number(limited!.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    expect(limited!.headers.get("x-ratelimit-remaining-requests")).toBe("0");
    expect(await limited!.json()).toMatchObject({ error: { code: "rate_limit_exceeded", param: null } });
    // The bucket refills one request every 0.5 s, so on a slow machine the time spent reading the
    // refusal may buy one more request: the SDK must meet the refusal within a few tries.
    let sdk: unknown = null;
    for (let i = 0; i < 5 && !sdk; i++)
      sdk = await w.client.models.list().then(
        () => null,
        (error: unknown) => error,
      );
    expect(sdk).toBeInstanceOf(OpenAI.RateLimitError);

    const other = await tokenFor(w.team.id, w.owner.id, { name: "fresh" });
    expect((await other.client.models.list()).data.length).toBeGreaterThan(0);
  });

  it("answers paths it does not serve in OpenAI's envelope", async () => {
    const w = await world();
    const response = await fetch(`${server.baseURL}/videos/edits/x`, {
      headers: { Authorization: `Bearer ${w.token}` },
    });
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ error: { code: "unknown_url", type: "invalid_request_error" } });
  });
});
