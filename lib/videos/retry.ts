import "server-only";
import { db } from "@/lib/db";
import { readMediaBytes } from "@/lib/storage/media-objects";
import type { SubmitToken } from "@/lib/teams/budget";
import { createVideoJob } from "./create-video-job";
import { readImageInfo } from "./read-image-info";
import { authorizeVideo, type VideoActor } from "./video-access";
import type { ReferenceImage } from "./validate-video-request";
import type { VideoDto } from "./video-dto";

// "Retry": a failed video again with the very same settings (connection, model, size, seconds,
// prompt, reference images, and the remix source for a failed remix), as a new task with its own
// idempotency key, submitted through the one submit path: priced, budgeted and crash-safe like
// any other, charged only when it completes (decision 082).

export type RetryRefusal = "not_failed" | "no_connection" | "reference_missing" | "remix_source_gone";

export class RetryUnavailableError extends Error {
  constructor(readonly reason: RetryRefusal) {
    super(`retry unavailable: ${reason}`);
  }
}

/** The new task, or null when the failed one is not a task of this team. */
export async function retryVideo(
  actor: VideoActor,
  input: { taskId: string; idempotencyKey: string },
  apiToken?: SubmitToken,
): Promise<{ task: VideoDto; created: boolean } | null> {
  const viewer = await authorizeVideo(actor, "videos.create");
  const source = await db.videoTask.findFirst({
    where: { id: input.taskId, teamId: viewer.teamId, deletedAt: null },
    select: {
      id: true,
      status: true,
      connectionId: true,
      model: true,
      size: true,
      seconds: true,
      prompt: true,
      referenceImagePath: true,
      lastFrameImagePath: true,
      remixOfTaskId: true,
    },
  });
  if (!source) return null;
  if (source.status !== "failed") throw new RetryUnavailableError("not_failed");
  if (!source.connectionId) throw new RetryUnavailableError("no_connection");
  const referenceImage = await storedImage(source.referenceImagePath);
  const lastFrameImage = await storedImage(source.lastFrameImagePath);
  const remixOf = source.remixOfTaskId ? await remixSource(viewer.teamId, source.remixOfTaskId) : undefined;
  return createVideoJob({
    teamId: viewer.teamId,
    userId: viewer.userId,
    idempotencyKey: input.idempotencyKey,
    connectionId: source.connectionId,
    model: source.model,
    size: source.size,
    seconds: source.seconds,
    prompt: source.prompt,
    ...(referenceImage ? { referenceImage } : {}),
    ...(lastFrameImage ? { lastFrameImage } : {}),
    ...(remixOf ? { remixOf } : {}),
    source: { taskId: source.id, kind: "retry" },
    ...(apiToken ? { apiToken } : {}),
  });
}

/** The image kept with the failed task (read back from the studio's storage), or undefined. */
async function storedImage(relative: string | null): Promise<ReferenceImage | undefined> {
  if (!relative) return undefined;
  const bytes = await readMediaBytes(relative).catch(() => null);
  const info = bytes ? await readImageInfo(bytes) : null;
  if (!bytes || !info) throw new RetryUnavailableError("reference_missing");
  return { bytes, mimeType: info.mimeType, width: info.width, height: info.height };
}

/** A failed remix is retried as a remix of the same video, while the provider still has it. */
async function remixSource(teamId: string, taskId: string) {
  const parent = await db.videoTask.findFirst({
    where: { id: taskId, teamId, deletedAt: null },
    select: { id: true, status: true, providerJobId: true, connectionId: true, providerExpiresAt: true },
  });
  if (
    !parent ||
    parent.status !== "completed" ||
    !parent.providerJobId ||
    !parent.connectionId ||
    (parent.providerExpiresAt && parent.providerExpiresAt <= new Date())
  )
    throw new RetryUnavailableError("remix_source_gone");
  return { taskId: parent.id, providerJobId: parent.providerJobId, connectionId: parent.connectionId };
}
