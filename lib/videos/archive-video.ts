import "server-only";
import { eachLimited } from "@/lib/async/each-limited";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { CONNECTION_ROW_SELECT, providerForConnection } from "@/lib/upstream/connections";
import { classifyProviderError } from "@/lib/upstream/provider-errors";
import { mediaRelativePath, VARIANT_FILES, writeMediaAtomically, type MediaVariant } from "@/lib/storage/media-store";
import { withLocalMediaFile } from "@/lib/storage/media-objects";
import { posterFrom, spriteSheetFrom } from "@/lib/storage/derive-media";
import { isWebp, writeCardPoster } from "@/lib/storage/card-poster";
import { archiveRetryDelayMs } from "./poll-schedule";
import { addTaskEvent } from "./task-events";
import { queueVideoNotification } from "@/lib/notifications/enqueue";
import { chargeTask } from "./billing";
import { crashPoint } from "./crash-point";
import { leaseUntil, whileHoldingLease } from "./task-lease";
import { notBefore } from "./clock";

// Copies a completed video, its thumbnail and sprite sheet from the provider into our storage.
// The charge is not ours to decide here: the provider billed the job when it completed
// (billing.ts). Every failure (API易's 400 right after completion, a truncated body, a dropped
// connection) is retried with backoff until the provider's copy expires; only then is the video
// given up as lost — still charged, as the provider billed it, with the reason shown. The claim is a short lease
// renewed while the copy runs (task-lease.ts): after a crash, another process resumes in seconds.

const VARIANTS: Exclude<MediaVariant, "reference" | "poster">[] = ["video", "thumbnail", "spritesheet"];

const MAGIC: Record<(typeof VARIANTS)[number], (head: Buffer) => boolean> = {
  video: (h) => h.subarray(4, 8).toString("latin1") === "ftyp",
  thumbnail: isWebp,
  spritesheet: (h) => h[0] === 0xff && h[1] === 0xd8 && h[2] === 0xff,
};

export async function archiveDueTasks(
  opts: { now?: Date; taskIds?: string[]; limit?: number } = {},
): Promise<{ archived: number; failed: number; due: number }> {
  const now = opts.now ?? new Date();
  const due = await db.videoTask.findMany({
    where: {
      archiveStatus: "pending",
      deletedAt: null,
      nextArchiveAt: { lte: now },
      ...(opts.taskIds ? { id: { in: opts.taskIds } } : {}),
    },
    select: { id: true },
    orderBy: { nextArchiveAt: "asc" },
    take: opts.limit ?? 10,
  });
  // A few archives at once (env.archiveConcurrency per process: each downloads a video and makes
  // its poster); each task is claimed by one conditional UPDATE, so none is archived twice.
  let archived = 0;
  let failed = 0;
  await eachLimited(
    due,
    env.archiveConcurrency,
    async ({ id }) => {
      const outcome = await archiveTaskIfDue(id, now);
      if (outcome === "archived") archived++;
      else if (outcome === "failed") failed++;
    },
    "archive",
  );
  return { archived, failed, due: due.length };
}

/**
 * Archives one task if its archive is due and nobody else holds its archive lease: the unit of
 * work of both engines (the sweep, and a per-task job of lib/engine). null when it was not ours
 * to do; "failed" when the copy failed and a retry was scheduled (or the video was given up as
 * lost once the provider's copy expired).
 */
export async function archiveTaskIfDue(taskId: string, now: Date = new Date()): Promise<"archived" | "failed" | null> {
  const lease = leaseUntil(now);
  const claimed = await db.videoTask.updateMany({
    where: {
      id: taskId,
      archiveStatus: "pending",
      nextArchiveAt: { lte: now },
      OR: [{ archiveLeaseUntil: null }, { archiveLeaseUntil: { lt: now } }],
    },
    data: { archiveLeaseUntil: lease },
  });
  if (claimed.count !== 1) return null;
  crashPoint("archive:claimed");
  return (await whileHoldingLease(taskId, "archiveLeaseUntil", lease, () => archiveOne(taskId, now)))
    ? "archived"
    : "failed";
}

class ArchiveCheckError extends Error {}

/** A relay's result link may say octet-stream for an MP4: the magic bytes decide then. */
function acceptsType(variant: (typeof VARIANTS)[number], type: string, fromUrl: boolean): boolean {
  if (type.startsWith(VARIANT_FILES[variant].contentType)) return true;
  return fromUrl && variant === "video" && /^(application|binary)\/octet-stream/.test(type);
}

async function archiveOne(taskId: string, now: Date): Promise<boolean> {
  const task = await db.videoTask.findUniqueOrThrow({
    where: { id: taskId },
    select: {
      teamId: true,
      createdById: true,
      providerJobId: true,
      providerExpiresAt: true,
      archiveAttempts: true,
      size: true,
      seconds: true,
      team: { select: { retentionDays: true } },
      connection: { select: CONNECTION_ROW_SELECT },
    },
  });
  const paths: Partial<Record<(typeof VARIANTS)[number], string>> = {};
  let videoBytes = 0;
  try {
    const { adapter, connection } = providerForConnection(task.connection);
    const job = adapter.resultInBody
      ? await adapter.retrieve(connection, task.providerJobId!, { timeoutMs: 20_000 })
      : { id: task.providerJobId!, result: { kind: "content", variants: VARIANTS } as const };
    const made: (typeof VARIANTS)[number][] = [];
    for (const variant of VARIANTS) {
      const response = await adapter.fetchMedia(connection, job, variant, { timeoutMs: 120_000 });
      if (!response) {
        if (variant === "video") throw new ArchiveCheckError("video: the provider offers no result");
        made.push(variant);
        continue;
      }
      const type = response.headers.get("content-type") ?? "";
      if (!acceptsType(variant, type, job.result?.kind === "url"))
        throw new ArchiveCheckError(`${variant}: unexpected content type ${type || "(none)"}`);
      const declared = Number(response.headers.get("content-length") ?? NaN);
      const relative = mediaRelativePath(task.teamId, taskId, variant);
      const bytes = await writeMediaAtomically(
        relative,
        response.body as unknown as AsyncIterable<Uint8Array>,
        ({ bytes, head }) => {
          if (Number.isFinite(declared) && bytes !== declared)
            throw new ArchiveCheckError(`${variant}: got ${bytes} of ${declared} bytes`);
          if (bytes === 0 || !MAGIC[variant](head))
            throw new ArchiveCheckError(`${variant}: not a valid ${VARIANT_FILES[variant].ext} file`);
        },
      );
      if (variant === "video") videoBytes = bytes;
      paths[variant] = relative;
    }
    // No poster or sprite sheet from this provider: made from our copy of the video (a file here).
    if (made.length > 0)
      await withLocalMediaFile(paths.video!, async (video) => {
        for (const variant of made) {
          const [width, height] = task.size.split("x").map(Number);
          const bytes =
            variant === "thumbnail"
              ? await posterFrom(video)
              : await spriteSheetFrom(video, { width: width || 1280, height: height || 720, seconds: task.seconds });
          const relative = mediaRelativePath(task.teamId, taskId, variant);
          await writeMediaAtomically(relative, [bytes], () => undefined);
          paths[variant] = relative;
        }
      });
    // The gallery card's small poster (lib/storage/card-poster.ts). The video is safe without it:
    // a failure here does not hold the archive back, the first request for it tries again.
    if (paths.thumbnail)
      await writeCardPoster(paths.thumbnail).catch((error: unknown) =>
        console.warn(`card poster for ${taskId} not made: ${(error as Error).message}`),
      );
  } catch (error) {
    const failure =
      error instanceof ArchiveCheckError
        ? { code: "invalid_content", message: error.message, retryAfterSeconds: null }
        : classifyProviderError(error);
    await recordArchiveFailure(
      taskId,
      task.archiveAttempts + 1,
      task.providerExpiresAt,
      `${failure.code}: ${failure.message}`,
      failure.retryAfterSeconds,
      now,
    );
    return false;
  }
  // Stamped when the files are in place, not when the sweep's tick began (which may be seconds
  // earlier); a caller's clock ahead of the wall's (tests of retention) is kept.
  const archivedAt = notBefore(now);
  const retainUntil = task.team.retentionDays
    ? new Date(archivedAt.getTime() + task.team.retentionDays * 86_400_000)
    : null;
  await db.$transaction(async (tx) => {
    await tx.videoTask.update({
      where: { id: taskId },
      data: {
        archiveStatus: "done",
        archivedAt,
        archiveLeaseUntil: null,
        nextArchiveAt: null,
        archiveError: null,
        archiveAttempts: task.archiveAttempts + 1,
        videoPath: paths.video,
        thumbnailPath: paths.thumbnail,
        spritesheetPath: paths.spritesheet,
        videoBytes,
        retainUntil,
        reservedCents: 0,
      },
    });
    await addTaskEvent(tx, taskId, { type: "archived", message: `${videoBytes} bytes`, at: now });
    // Charged when the provider billed it (billing.ts); a task that somehow was not is charged now.
    await chargeTask(tx, taskId, now);
    // "Completed" is told once our copy is kept: the link in the message plays.
    await queueVideoNotification(tx, taskId, "video.completed", now);
  });
  return true;
}

async function recordArchiveFailure(
  taskId: string,
  attempts: number,
  expiresAt: Date | null,
  message: string,
  retryAfterSeconds: number | null,
  now: Date,
) {
  const next = new Date(now.getTime() + archiveRetryDelayMs(attempts, retryAfterSeconds));
  const lost = expiresAt !== null && next >= expiresAt && now >= expiresAt;
  await db.$transaction(async (tx) => {
    await tx.videoTask.update({
      where: { id: taskId },
      data: lost
        ? {
            archiveStatus: "lost",
            archiveAttempts: attempts,
            archiveError: message,
            archiveLeaseUntil: null,
            nextArchiveAt: null,
            reservedCents: 0,
          }
        : {
            archiveAttempts: attempts,
            archiveError: message,
            archiveLeaseUntil: null,
            nextArchiveAt: expiresAt && next > expiresAt ? expiresAt : next,
          },
    });
    await addTaskEvent(tx, taskId, {
      type: lost ? "archive_lost" : "archive_retry",
      message: message.slice(0, 500),
      at: now,
    });
    if (lost) await queueVideoNotification(tx, taskId, "video.lost", now);
  });
}
