import "server-only";
import { db } from "@/lib/db";
import type { SubmitToken } from "@/lib/teams/budget";
import { createVideoJob } from "./create-video-job";
import { authorizeVideo, type VideoActor } from "./video-access";
import type { VideoDto } from "./video-dto";

export class RemixUnavailableError extends Error {}

/** A new task that remixes a completed one of this team, priced and budgeted like any other. */
export async function remixVideo(
  actor: VideoActor,
  input: { taskId: string; prompt: string; idempotencyKey: string },
  /** Through the studio's API: the token's cap applies and the new task keeps it. */
  apiToken?: SubmitToken,
): Promise<{ task: VideoDto; created: boolean } | null> {
  const viewer = await authorizeVideo(actor, "videos.create");
  const source = await db.videoTask.findFirst({
    where: { id: input.taskId, teamId: viewer.teamId, deletedAt: null },
    select: {
      id: true,
      status: true,
      providerJobId: true,
      connectionId: true,
      model: true,
      size: true,
      seconds: true,
      providerExpiresAt: true,
    },
  });
  if (!source) return null;
  if (
    source.status !== "completed" ||
    !source.providerJobId ||
    !source.connectionId ||
    (source.providerExpiresAt && source.providerExpiresAt <= new Date())
  ) {
    throw new RemixUnavailableError();
  }
  return createVideoJob({
    teamId: viewer.teamId,
    userId: viewer.userId,
    role: viewer.role,
    idempotencyKey: input.idempotencyKey,
    model: source.model,
    size: source.size,
    seconds: source.seconds,
    prompt: input.prompt,
    remixOf: { taskId: source.id, providerJobId: source.providerJobId, connectionId: source.connectionId },
    ...(apiToken ? { apiToken } : {}),
  });
}
