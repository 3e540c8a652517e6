import { randomUUID } from "node:crypto";
import { db } from "@/lib/db";
import type { Permission } from "@/lib/teams/permissions";
import { createVideoJob } from "@/lib/videos/create-video-job";
import { deleteVideo } from "@/lib/videos/delete-video";
import { giveUpJob } from "@/lib/videos/give-up-job";
import { checkNow, listStuckJobs, taskWatch } from "@/lib/videos/stuck-jobs";
import { getVideoDetail, listVideos, videosByIds } from "@/lib/videos/list-videos";
import { remixVideo } from "@/lib/videos/remix-video";
import { generateContext, teamVideoOffers } from "@/lib/videos/team-video-settings";
import { openVideoMedia } from "@/lib/videos/video-media";
import { videoStatuses } from "@/lib/videos/video-status";

// Every video operation of the data layer, for the access matrix. Each runs as (actorId, teamId)
// on the tasks of a fresh team: one made by each of member, admin and owner, and one by `target`
// (a member who is nobody's actor), so "own" and "someone else's" are both real rows.

export type VideoTasks = { own: string; others: string };
export type VideoOperation = {
  name: string;
  permission: Permission;
  run: (actorId: string, teamId: string, tasks: VideoTasks) => Promise<unknown>;
};

/** A finished task as the engine leaves it, remixable (a provider job id on a model that remixes). */
export async function finishedTask(teamId: string, userId: string): Promise<string> {
  const connection = await db.providerConnection.findFirstOrThrow({ where: { teamId, preset: "simulator" } });
  const task = await db.videoTask.create({
    data: {
      teamId,
      createdById: userId,
      idempotencyKey: randomUUID(),
      connectionId: connection.id,
      channel: "simulator",
      model: "sora-2",
      size: "720x1280",
      seconds: 4,
      prompt: "matrix",
      status: "completed",
      progress: 100,
      providerJobId: `video_matrix_${randomUUID().replaceAll("-", "")}`,
      estimateCents: 40,
    },
    select: { id: true },
  });
  return task.id;
}

const job = { model: "sora-2", size: "720x1280", seconds: 4, prompt: "Matrix" };

export const VIDEO_OPERATIONS: VideoOperation[] = [
  {
    name: "createVideoJob",
    permission: "videos.create",
    run: (a, t) => createVideoJob({ teamId: t, userId: a, idempotencyKey: randomUUID(), ...job }),
  },
  {
    name: "remixVideo",
    permission: "videos.create",
    run: (a, t, k) =>
      remixVideo({ teamId: t, userId: a }, { taskId: k.others, prompt: "Again", idempotencyKey: randomUUID() }),
  },
  {
    name: "generateContext (Generate, use these settings again)",
    permission: "videos.create",
    run: (a, t) => generateContext({ teamId: t, userId: a }),
  },
  { name: "listVideos", permission: "videos.read", run: (a, t) => listVideos({ teamId: t, userId: a }) },
  {
    name: "videosByIds",
    permission: "videos.read",
    run: (a, t, k) => videosByIds({ teamId: t, userId: a }, [k.others]),
  },
  {
    name: "getVideoDetail",
    permission: "videos.read",
    run: (a, t, k) => getVideoDetail({ teamId: t, userId: a }, k.others),
  },
  {
    name: "videoStatuses (no ids)",
    permission: "videos.read",
    run: (a, t) => videoStatuses({ teamId: t, userId: a }, []),
  },
  {
    name: "videoStatuses",
    permission: "videos.read",
    run: (a, t, k) => videoStatuses({ teamId: t, userId: a }, [k.others]),
  },
  {
    name: "openVideoMedia",
    permission: "videos.read",
    run: (a, t, k) => openVideoMedia({ teamId: t, userId: a }, k.others, "video", { range: null, download: true }),
  },
  { name: "teamVideoOffers", permission: "videos.read", run: (a, t) => teamVideoOffers({ teamId: t, userId: a }) },
  // Stuck jobs (lib/videos/stuck-jobs.ts, give-up-job.ts): on a finished task "Check now" and
  // "give up" answer "settled" without changing anything.
  { name: "taskWatch", permission: "videos.read", run: (a, t, k) => taskWatch({ teamId: t, userId: a }, k.others) },
  { name: "checkNow", permission: "videos.read", run: (a, t, k) => checkNow({ teamId: t, userId: a }, k.others) },
  { name: "listStuckJobs", permission: "videos.stuck.manage", run: (a, t) => listStuckJobs({ teamId: t, userId: a }) },
  {
    name: "giveUpJob",
    permission: "videos.stuck.manage",
    run: (a, t, k) => giveUpJob({ teamId: t, userId: a }, k.others),
  },
  {
    name: "deleteVideo (own)",
    permission: "videos.delete.own",
    run: (a, t, k) => deleteVideo({ teamId: t, userId: a }, k.own),
  },
  {
    name: "deleteVideo (someone else's)",
    permission: "videos.delete.any",
    run: (a, t, k) => deleteVideo({ teamId: t, userId: a }, k.others),
  },
];

/** What a refused video operation must leave as it was: every task of the team, and its events. */
export async function videoSnapshot(teamId: string): Promise<string> {
  const [tasks, events] = await Promise.all([
    db.videoTask.findMany({
      where: { teamId },
      select: { id: true, status: true, deletedAt: true, createdById: true },
      orderBy: { id: "asc" },
    }),
    db.videoTaskEvent.count({ where: { task: { teamId } } }),
  ]);
  return JSON.stringify({ tasks, events });
}
