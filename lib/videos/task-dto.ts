import { can, canDeleteVideo } from "@/lib/teams/permissions";
import type { Role } from "@/lib/teams/roles";
import { canRemix, findModel, findPreset } from "@/lib/models";
import { isTakingLong } from "./slow-job";
import type { VideoDto, VideoEventDto } from "./video-dto";

// Turns a task row into what the browser may see. No file paths, no provider ids, no keys.

/** A viewer whose role was read by `authorize()` (lib/videos/video-access.ts). */
export type ViewerContext = { teamId: string; userId: string; role: Role };

export type TaskForDto = {
  id: string;
  teamId: string;
  channel: string;
  status: string;
  progress: number;
  model: string;
  size: string;
  seconds: number;
  prompt: string;
  createdAt: Date;
  completedAt: Date | null;
  createdById: string;
  estimateCents: number;
  errorCode: string | null;
  errorMessage: string | null;
  providerJobId: string | null;
  providerExpiresAt: Date | null;
  archiveStatus: string;
  retainUntil: Date | null;
  referenceImagePath: string | null;
  remixOfTaskId: string | null;
  videoPath: string | null;
  thumbnailPath: string | null;
  spritesheetPath: string | null;
  createdBy: { id: string; name: string | null; email: string };
  charge: { amountCents: number } | null;
  connection: { id: string; name: string } | null;
  /** The name of the API token it was made with (lib/teams/api-tokens.ts); null from the studio. */
  apiTokenName: string | null;
  /** The last time status or progress moved (the "taking longer than usual" flag, slow-job.ts). */
  lastProgressAt?: Date | null;
};

export function mediaUrl(teamId: string, taskId: string, variant: string): string {
  return `/api/teams/${teamId}/videos/${taskId}/media/${variant}`;
}

function costOf(task: TaskForDto): number | null {
  if (task.charge) return task.charge.amountCents;
  if (task.status === "failed" || task.archiveStatus === "lost") return 0;
  return null;
}

export function toVideoDto(task: TaskForDto, viewer: ViewerContext, now = new Date()): VideoDto {
  const archived = task.archiveStatus === "done";
  const preset = findPreset(task.channel);
  const model = findModel(task.channel, task.model);
  const providerCopyAlive = !task.providerExpiresAt || task.providerExpiresAt > now;
  return {
    id: task.id,
    teamId: task.teamId,
    status: task.status,
    progress: task.progress,
    model: task.model,
    connectionId: task.connection?.id ?? null,
    connectionName: task.connection?.name ?? null,
    apiTokenName: task.apiTokenName,
    size: task.size,
    seconds: task.seconds,
    prompt: task.prompt,
    createdAt: task.createdAt.toISOString(),
    completedAt: task.completedAt?.toISOString() ?? null,
    createdBy: { id: task.createdBy.id, name: task.createdBy.name ?? task.createdBy.email.split("@")[0]! },
    mine: task.createdById === viewer.userId,
    estimateCents: task.estimateCents,
    costCents: costOf(task),
    errorCode: task.errorCode,
    errorMessage: task.errorMessage,
    providerExpiresAt: archived ? null : (task.providerExpiresAt?.toISOString() ?? null),
    archiveStatus: (["none", "pending", "done", "lost"].includes(task.archiveStatus)
      ? task.archiveStatus
      : "none") as VideoDto["archiveStatus"],
    retainUntil: task.retainUntil?.toISOString() ?? null,
    hasReference: Boolean(task.referenceImagePath),
    remixOfTaskId: task.remixOfTaskId,
    media: {
      video: archived && task.videoPath ? mediaUrl(task.teamId, task.id, "video") : null,
      thumbnail: archived && task.thumbnailPath ? mediaUrl(task.teamId, task.id, "thumbnail") : null,
      poster: archived && task.thumbnailPath ? mediaUrl(task.teamId, task.id, "poster") : null,
      spritesheet: archived && task.spritesheetPath ? mediaUrl(task.teamId, task.id, "spritesheet") : null,
    },
    slow: isTakingLong(task, now),
    canDelete: canDeleteVideo(viewer.role, task.createdById === viewer.userId),
    canRemix:
      can(viewer.role, "videos.create") &&
      task.status === "completed" &&
      Boolean(task.providerJobId) &&
      providerCopyAlive &&
      Boolean(preset && model && canRemix(preset, model)),
  };
}

export function toEventDto(e: {
  id: string;
  type: string;
  status: string | null;
  progress: number | null;
  message: string | null;
  createdAt: Date;
}): VideoEventDto {
  return {
    id: e.id,
    type: e.type,
    status: e.status,
    progress: e.progress,
    message: e.message,
    createdAt: e.createdAt.toISOString(),
  };
}
