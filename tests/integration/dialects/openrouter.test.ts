import sharp from "sharp";
import { afterEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { monthOf } from "@/lib/money/month";
import { spendReport } from "@/lib/spend/spend-report";
import { refreshCatalogueNow, setModelHidden, teamCatalogues } from "@/lib/upstream/catalogue-admin";
import { refreshDueCatalogue } from "@/lib/upstream/catalogue-refresh";
import { getVideoDetail } from "@/lib/videos/list-videos";
import { teamOffers } from "@/lib/videos/offers";
import { VideoRequestError } from "@/lib/videos/validate-video-request";
import { driveUntil } from "../../support/video-harness";
import { control, openRouterApi, openRouterTeam } from "./openrouter-support";

// The OpenRouter dialect over real HTTP against the simulator's `openrouter` profile, through the
// engine: the live catalogue (added, changed, removed, hidden), generate on a catalogue model,
// archive from urls[], and the charge at what usage.cost says, beside the estimate shown.

const archived = (r: { archiveStatus: string; status: string }) => r.archiveStatus === "done" || r.status === "failed";

afterEach(async () => {
  await control("catalogue", undefined, "DELETE");
  await control("billing", { costFactor: 1 });
});

async function image(width: number, height: number, colour: string) {
  const bytes = await sharp({ create: { width, height, channels: 3, background: colour } })
    .png()
    .toBuffer();
  return { bytes, mimeType: "image/png", width, height };
}

describe("OpenRouter: live catalogue", () => {
  it("is empty until read, then offers the published models with their sizes, frames and SKU prices", async () => {
    const { owner, team, connectionId } = await openRouterTeam();
    expect((await teamOffers(db, team.id)).find((o) => o.id === connectionId)?.models).toEqual([]);

    const outcome = await refreshCatalogueNow(owner.id, team.id, connectionId);
    expect(outcome).toEqual({
      ok: true,
      added: ["google/veo-3.1", "alibaba/wan-2.6", "bytedance/seedance-2.0-lite"],
      changed: [],
      removed: [],
    });
    const offer = (await teamOffers(db, team.id)).find((o) => o.id === connectionId)!;
    const wan = offer.models.find((m) => m.id === "alibaba/wan-2.6")!;
    expect(wan.price).toEqual({ unit: "per_second", milliCentsPerSecond: { "480p": 5000, "720p": 10000 } });
    expect(wan.reference.kind).toBe("first_frame");
    const [catalogue] = await teamCatalogues(db, owner.id, team.id);
    expect(catalogue).toMatchObject({ connectionId, error: null, refreshedAt: expect.any(String) });
  });

  it("records models added, changed and removed upstream; a removed model stays readable on old tasks", async () => {
    const { owner, team, connectionId, submit } = await openRouterTeam();
    await refreshCatalogueNow(owner.id, team.id, connectionId);
    const { task } = await submit({
      model: "bytedance/seedance-2.0-lite",
      size: "1280x720",
      seconds: 5,
      prompt: "A kite over dunes",
    });
    await control("catalogue", {
      add: {
        id: "kling/kling-3.0",
        name: "Kling 3.0",
        supported_resolutions: ["1080p"],
        supported_aspect_ratios: ["16:9"],
        supported_durations: [5],
        pricing_skus: { "per-video": "0.80" },
      },
      change: {
        id: "alibaba/wan-2.6",
        pricing_skus: { "per-video-second-480p": "0.06", "per-video-second-720p": "0.12" },
      },
      remove: "bytedance/seedance-2.0-lite",
    });
    const outcome = await refreshCatalogueNow(owner.id, team.id, connectionId);
    expect(outcome).toEqual({
      ok: true,
      added: ["kling/kling-3.0"],
      changed: ["alibaba/wan-2.6"],
      removed: ["bytedance/seedance-2.0-lite"],
    });
    const rows = await db.catalogueModel.findMany({ where: { connectionId }, orderBy: { modelId: "asc" } });
    expect(rows.map((r) => [r.modelId, r.removedAt !== null])).toEqual([
      ["alibaba/wan-2.6", false],
      ["bytedance/seedance-2.0-lite", true],
      ["google/veo-3.1", false],
      ["kling/kling-3.0", false],
    ]);
    const offer = (await teamOffers(db, team.id)).find((o) => o.id === connectionId)!;
    expect(offer.models.map((m) => m.id).sort()).toEqual(["alibaba/wan-2.6", "google/veo-3.1", "kling/kling-3.0"]);
    expect(offer.models.find((m) => m.id === "alibaba/wan-2.6")!.price).toMatchObject({
      milliCentsPerSecond: { "480p": 6000, "720p": 12000 },
    });
    // A new submit of the removed model is refused; the task made before keeps it, and archives.
    await expect(
      submit({ model: "bytedance/seedance-2.0-lite", size: "1280x720", seconds: 5, prompt: "Again" }),
    ).rejects.toBeInstanceOf(VideoRequestError);
    const row = await driveUntil(task.id, archived, 60_000);
    expect(row).toMatchObject({ status: "completed", archiveStatus: "done", estimateCents: 25, billedCents: 25 });
    const detail = await getVideoDetail({ teamId: team.id, userId: owner.id }, task.id);
    expect(detail?.video).toMatchObject({ model: "bytedance/seedance-2.0-lite", costCents: 25 });
  });

  it("a failed read keeps the models it had and says why; the sweep reads due connections", async () => {
    const { owner, team, connectionId } = await openRouterTeam();
    await refreshDueCatalogue(); // this connection has never been read: due at once
    expect(await db.catalogueModel.count({ where: { connectionId } })).toBe(3);
    await fetch(process.env.SIMULATOR_CONTROL_URL!.replace(/\/__simulator$/, "/openrouter/__simulator/faults"), {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ rules: "500@models*1" }),
    });
    const outcome = await refreshCatalogueNow(owner.id, team.id, connectionId);
    expect(outcome).toEqual({ ok: false, error: "http_500 (HTTP 500)" });
    const row = await db.providerConnection.findUniqueOrThrow({ where: { id: connectionId } });
    expect(row.catalogueError).toBe("http_500 (HTTP 500)");
    expect(await db.catalogueModel.count({ where: { connectionId, removedAt: null } })).toBe(3);
    expect((await refreshCatalogueNow(owner.id, team.id, connectionId)).ok).toBe(true);
    expect((await db.providerConnection.findUniqueOrThrow({ where: { id: connectionId } })).catalogueError).toBeNull();
  });

  it("a hidden model leaves the team's Generate and its submits, and comes back when shown", async () => {
    const { owner, team, connectionId, submit } = await openRouterTeam();
    await refreshCatalogueNow(owner.id, team.id, connectionId);
    await setModelHidden(owner.id, team.id, connectionId, "google/veo-3.1", true);
    const ids = async () => (await teamOffers(db, team.id)).find((o) => o.id === connectionId)!.models.map((m) => m.id);
    expect(await ids()).not.toContain("google/veo-3.1");
    await expect(
      submit({ model: "google/veo-3.1", size: "1280x720", seconds: 4, prompt: "Hidden" }),
    ).rejects.toMatchObject({ messageKey: "unknownModel" });
    expect(
      (await teamCatalogues(db, owner.id, team.id))[0]!.models.find((m) => m.modelId === "google/veo-3.1"),
    ).toMatchObject({ hidden: true });
    await setModelHidden(owner.id, team.id, connectionId, "google/veo-3.1", false);
    expect(await ids()).toContain("google/veo-3.1");
  });
});

describe("OpenRouter: generate, archive, charge what usage.cost says", () => {
  it("a catalogue model with first and last frames and audio: archived from /content?index=0, charged the list price", async () => {
    const { owner, team, connectionId, submit } = await openRouterTeam();
    await refreshCatalogueNow(owner.id, team.id, connectionId);
    const { task } = await submit({
      model: "google/veo-3.1",
      size: "720x1280",
      seconds: 4,
      prompt: "A lighthouse at dawn",
      referenceImage: await image(400, 300, "#0ea5e9"),
      lastFrameImage: await image(400, 300, "#f97316"),
    });
    expect(task.estimateCents).toBe(160);
    const row = await driveUntil(task.id, archived, 60_000);
    expect(row).toMatchObject({ status: "completed", archiveStatus: "done", billedCents: 160 });
    expect(row.charge?.amountCents).toBe(160);
    // The job as the provider holds it (asked with the studio's own key): the size went as
    // resolution + aspect ratio, the duration as an integer, the bill in dollars.
    const job = (await (
      await fetch(openRouterApi(`/videos/${row.providerJobId}`), {
        headers: { authorization: `Bearer ${env.simulatorKey()}` },
      })
    ).json()) as Record<string, unknown>;
    expect(job).toMatchObject({
      status: "completed",
      resolution: "720p",
      aspect_ratio: "9:16",
      duration: 4,
      usage: { cost: 1.6 },
      urls: [expect.stringContaining("/content?index=0")],
    });
    const stats = (await control("stats")) as { byJob: Record<string, Record<string, number>> };
    expect(stats.byJob[row.providerJobId!]?.content).toBeGreaterThanOrEqual(1);
  });

  it("when the bill differs from the list price, the estimate stays and the charge is the bill", async () => {
    const { owner, team, connectionId, submit } = await openRouterTeam();
    await refreshCatalogueNow(owner.id, team.id, connectionId);
    await control("billing", { costFactor: 1.3 });
    const { task } = await submit({
      model: "alibaba/wan-2.6",
      size: "854x480",
      seconds: 5,
      prompt: "Rain on a tin roof",
    });
    expect(task.estimateCents).toBe(25);
    const row = await driveUntil(task.id, archived, 60_000);
    expect(row).toMatchObject({ status: "completed", estimateCents: 25, billedCents: 33 });
    expect(row.charge?.amountCents).toBe(33);
    expect(await db.charge.count({ where: { taskId: task.id } })).toBe(1);
    // The spend page's estimate-against-bill per model, and the video's own cost.
    const report = await spendReport(db, owner.id, team.id, monthOf(new Date()));
    expect(report.estimateByModel).toEqual([
      { model: "alibaba/wan-2.6", count: 1, estimateCents: 25, chargedCents: 33, differenceCents: 8 },
    ]);
    expect(report.charges[0]).toMatchObject({ amountCents: 33, estimateCents: 25 });
    const detail = await getVideoDetail({ teamId: team.id, userId: owner.id }, task.id);
    expect(detail?.video).toMatchObject({ estimateCents: 25, costCents: 33 });
  });

  it("the simulator refuses values outside a model's set with a 400 in OpenRouter's envelope", async () => {
    const res = await fetch(openRouterApi("/videos"), {
      method: "POST",
      headers: { authorization: "Bearer sk-test", "content-type": "application/json" },
      body: JSON.stringify({
        model: "alibaba/wan-2.6",
        prompt: "x",
        duration: 7,
        resolution: "480p",
        aspect_ratio: "16:9",
      }),
    });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: { code: 400, message: expect.stringContaining("'duration'") } });
    const created = await fetch(openRouterApi("/videos"), {
      method: "POST",
      headers: { authorization: "Bearer sk-test", "content-type": "application/json" },
      body: JSON.stringify({
        model: "alibaba/wan-2.6",
        prompt: "x",
        duration: 5,
        resolution: "480p",
        aspect_ratio: "1:1",
      }),
    });
    expect(created.status).toBe(202);
    expect(await created.json()).toMatchObject({
      id: expect.stringMatching(/^vid_/),
      status: "pending",
      polling_url: expect.any(String),
    });
  });
});
