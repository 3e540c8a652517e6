import { spawnSync } from "node:child_process";
import { readFile } from "node:fs/promises";
import ffmpegInstaller from "@ffmpeg-installer/ffmpeg";
import { describe, expect, it } from "vitest";
import ffprobe from "@ffprobe-installer/ffprobe";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { absoluteMediaPath } from "@/lib/storage/media-store";
import { addConnection } from "@/lib/teams/connections";
import { createVideoJob } from "@/lib/videos/create-video-job";
import type { ReferenceImage } from "@/lib/videos/validate-video-request";
import { frameAt, meanColour, solidPng } from "../simulator/support/harness";
import { driveUntil, key, newTeam } from "../../support/video-harness";

// Each dialect through its adapter against its simulator profile, over real HTTP, through the
// engine: add the connection, generate, poll, archive (our own poster and sprite sheet where the
// relay sends only the MP4), and the charge in the provider's unit at the provider's moment.

async function onPreset(preset: string) {
  const { owner, team } = await newTeam();
  const connectionId = await addConnection(
    db,
    owner.id,
    team.id,
    { name: `Sim ${preset}`, preset, baseUrl: null, apiKey: null },
    env.providerKeySecret(),
  );
  const submit = (job: {
    model: string;
    size: string;
    seconds: number;
    prompt: string;
    referenceImage?: ReferenceImage;
    lastFrameImage?: ReferenceImage;
  }) => createVideoJob({ teamId: team.id, userId: owner.id, idempotencyKey: key(), connectionId, ...job });
  return { owner, team, connectionId, submit };
}

function probe(relative: string) {
  const out = spawnSync(ffprobe.path, [
    "-v",
    "error",
    "-show_entries",
    "stream=codec_name,width,height:format=duration",
    "-of",
    "json",
    absoluteMediaPath(relative),
  ]);
  return JSON.parse(out.stdout.toString()) as {
    streams: { codec_name: string; width?: number; height?: number }[];
    format: { duration: string };
  };
}

const relayStats = async () =>
  (
    await fetch(process.env.SIMULATOR_CONTROL_URL!.replace(/\/__simulator$/, "/relay/__simulator/stats"))
  ).json() as Promise<{
    byJob: Record<string, Record<string, number>>;
  }>;

const archived = (r: { archiveStatus: string; status: string }) => r.archiveStatus === "done" || r.status === "failed";

describe("API易 官逆 (yi-reverse): bare key, submitted, url in the body, per clip", () => {
  it("generates, archives the 704 px video with a poster and sprite sheet made here, and charges the clip price", async () => {
    const { submit, connectionId } = await onPreset("simulator-yi-reverse");
    const { task } = await submit({ model: "sora-2", size: "1280x720", seconds: 10, prompt: "A junk boat at dusk" });
    expect(task.costCents).toBeNull();
    const row = await driveUntil(task.id, archived, 60_000);
    expect(row.status).toBe("completed");
    expect(row.archiveStatus).toBe("done");
    expect(row.connectionId).toBe(connectionId);
    expect(row.channel).toBe("simulator-yi-reverse");
    expect(row.charge?.amountCents).toBe(15);
    const video = probe(row.videoPath!);
    expect(video.streams[0]).toMatchObject({ codec_name: "h264", width: 1280, height: 704 });
    expect(probe(row.thumbnailPath!).streams[0]).toMatchObject({ width: 1280, height: 704 });
    expect(probe(row.spritesheetPath!).streams[0]?.codec_name).toBe("mjpeg");
  });

  it("a refused prompt fails with the provider's plain words and costs nothing", async () => {
    const { submit } = await onPreset("simulator-yi-reverse");
    const { task } = await submit({ model: "sora-2", size: "720x1280", seconds: 15, prompt: "No [[moderation]]" });
    const row = await driveUntil(task.id, (r) => r.status === "failed", 60_000);
    expect(row.errorMessage).toBe("Content policy violation");
    expect(row.errorCode).toBe("content_policy_violation");
    expect(row.charge).toBeNull();
    expect(row.reservedCents).toBe(0);
  });
});

describe("relaxed relay (LaoZhang Muse): task ids, string progress, video_url without our key, charged at create", () => {
  it("is charged when the relay accepts the job, then archived from the signed link", async () => {
    const { submit } = await onPreset("simulator-relay");
    const { task } = await submit({ model: "muse-video", size: "720x1280", seconds: 5, prompt: "Lanterns on a river" });
    const accepted = await db.charge.findUnique({ where: { taskId: task.id } });
    expect(accepted?.amountCents).toBe(30);
    const row = await driveUntil(task.id, archived, 60_000);
    expect(row.archiveStatus).toBe("done");
    expect(row.charge).toMatchObject({ amountCents: 30, refundedAt: null });
    const video = probe(row.videoPath!);
    expect(video.streams[0]).toMatchObject({ codec_name: "h264", width: 720, height: 1280 });
    expect(Math.round(Number(video.format.duration))).toBe(5);
  });

  it("a failed job is refunded: the ledger row stays at $0.00", async () => {
    const { submit } = await onPreset("simulator-relay");
    const { task } = await submit({ model: "muse-video", size: "720x1280", seconds: 5, prompt: "Nope [[fail]]" });
    expect((await db.charge.findUnique({ where: { taskId: task.id } }))?.amountCents).toBe(30);
    const row = await driveUntil(task.id, (r) => r.status === "failed", 60_000);
    expect(row.charge).toMatchObject({ amountCents: 0, refundedAt: expect.any(Date) });
    expect(row.events.map((e) => e.type)).toEqual(expect.arrayContaining(["charged", "failed", "refunded"]));
  });

  it.each([
    ["upper-case statuses and the link in urls[]", "[[statuses:upper]] [[result:urls]]", 0],
    [
      "'unknown' while running, then no link at all: /content, which answers 400 just after completion",
      "[[statuses:unknown]] [[result:none]]",
      1,
    ],
  ])("%s: still archived and charged once", async (_what, markers, minContentCalls) => {
    const { submit } = await onPreset("simulator-relay");
    const { task } = await submit({ model: "muse-video", size: "1280x720", seconds: 8, prompt: `Kites ${markers}` });
    const row = await driveUntil(task.id, archived, 60_000);
    expect(row.archiveStatus).toBe("done");
    expect(row.charge).toMatchObject({ amountCents: 30, refundedAt: null });
    expect(await db.charge.count({ where: { taskId: task.id } })).toBe(1);
    expect(probe(row.videoPath!).streams[0]).toMatchObject({ width: 1280, height: 720 });
    // The link in the body is used when there is one: /content only when there is none.
    const contentCalls = (await relayStats()).byJob[row.providerJobId!]?.content ?? 0;
    if (minContentCalls === 0) expect(contentCalls).toBe(0);
    else expect(contentCalls).toBeGreaterThanOrEqual(minContentCalls);
  });

  it("Oxygen's result in metadata.url is found and archived", async () => {
    const { submit } = await onPreset("simulator-relay");
    const { task } = await submit({ model: "oxygen-1.0", size: "768x1376", seconds: 4, prompt: "A paper crane" });
    const row = await driveUntil(task.id, archived, 60_000);
    expect(row.archiveStatus).toBe("done");
    expect(row.charge?.amountCents).toBe(8);
  });
});

describe("Veo 3.1 (veo): id and task_id, progress 0/50/100, bytes from /content, per request", () => {
  it("one price whatever the length, charged on completion", async () => {
    const { submit } = await onPreset("simulator-veo");
    const { task } = await submit({
      model: "veo-3.1-fast-generate-preview",
      size: "1280x720",
      seconds: 4,
      prompt: "Waves on basalt",
    });
    const row = await driveUntil(task.id, archived, 60_000);
    expect(row.archiveStatus).toBe("done");
    expect(row.charge?.amountCents).toBe(30);
    expect(probe(row.videoPath!).streams[0]).toMatchObject({ width: 1280, height: 720 });
  });

  it("a 1080p request for 4 s is refused before anything is sent", async () => {
    const { submit } = await onPreset("simulator-veo");
    await expect(
      submit({ model: "veo-3.1-generate-preview", size: "1920x1080", seconds: 4, prompt: "x" }),
    ).rejects.toMatchObject({ field: "seconds", messageKey: "durationNotAllowedForSize" });
  });
});

describe("first and last frame (Veo -fl): both images reach the provider, kept with the task", () => {
  it("the video opens on the first image and ends on the last", async () => {
    const { submit } = await onPreset("simulator-veo");
    const image = async (rgb: [number, number, number]) => ({
      bytes: await solidPng(640, 360, rgb),
      mimeType: "image/png",
      width: 640,
      height: 360,
    });
    const { task } = await submit({
      model: "veo-3.1-landscape-fl",
      size: "1280x720",
      seconds: 8,
      prompt: "From red to blue",
      referenceImage: await image([230, 20, 20]),
      lastFrameImage: await image([20, 20, 230]),
    });
    const row = await driveUntil(task.id, archived, 60_000);
    expect(row.archiveStatus).toBe("done");
    expect(row.referenceImagePath).toMatch(/reference\.png$/);
    expect(row.lastFrameImagePath).toMatch(/reference\.last\.png$/);
    const mp4 = await readFile(absoluteMediaPath(row.videoPath!));
    const [r0, , b0] = await meanColour(await frameAt(mp4, 0, ffmpegInstaller.path));
    const [r1, , b1] = await meanColour(await frameAt(mp4, 7.7, ffmpegInstaller.path));
    expect(r0).toBeGreaterThan(180);
    expect(b0).toBeLessThan(70);
    expect(b1).toBeGreaterThan(180);
    expect(r1).toBeLessThan(70);
  });

  it("a last frame without a first is refused before anything is sent", async () => {
    const { submit } = await onPreset("simulator-veo");
    const last = { bytes: await solidPng(640, 360, [1, 2, 3]), mimeType: "image/png", width: 640, height: 360 };
    await expect(
      submit({ model: "veo-3.1-landscape-fl", size: "1280x720", seconds: 8, prompt: "x", lastFrameImage: last }),
    ).rejects.toMatchObject({ field: "reference", messageKey: "lastFrameNeedsFirst" });
  });
});
