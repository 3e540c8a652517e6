import "server-only";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { parseAnswer, type ProviderAnswer } from "./provider-answer";
import { usualRunMs } from "./poll-schedule";
import { isTakingLong, stillSince } from "./slow-job";
import { pollTaskNow } from "./sync-video-status";
import { authorizeVideo, type VideoActor } from "./video-access";
import { isTerminalStatus } from "./video-dto";

// Stuck jobs (issue 15, item 5; docs/stuck-jobs.md): what the engine last heard about a job (the
// task's watch: last poll, the provider's last answer, since when it has not moved), "Check now"
// (one poll through the engine's lease, for anyone who may read the video, at most once per 10 s
// per task), and the team's list of jobs taking longer than usual for admins. Giving a job up is
// give-up-job.ts.

/** A task is polled by "Check now" at most once in this long (scaled like every poll delay). */
export function checkGapMs(scale = env.pollScale): number {
  return 10_000 * scale;
}

export type TaskWatch = {
  taskId: string;
  status: string;
  model: string;
  /** The engine still asks the provider about it (running, or watched after being given up). */
  active: boolean;
  /** Taking longer than usual (slow-job.ts). */
  slow: boolean;
  /** The model's usual time for this job, in seconds (as the engine counts it). */
  usualSeconds: number;
  stillSince: string;
  lastPolledAt: string | null;
  nextPollAt: string | null;
  lastAnswer: ProviderAnswer | null;
};

const WATCH_SELECT = {
  id: true,
  status: true,
  channel: true,
  model: true,
  seconds: true,
  createdAt: true,
  startedAt: true,
  lastProgressAt: true,
  lastPolledAt: true,
  nextPollAt: true,
  lastProviderAnswer: true,
} as const;

type WatchRow = {
  id: string;
  status: string;
  channel: string;
  model: string;
  seconds: number;
  createdAt: Date;
  startedAt: Date | null;
  lastProgressAt: Date | null;
  lastPolledAt: Date | null;
  nextPollAt: Date | null;
  lastProviderAnswer: string | null;
};

function toWatch(row: WatchRow, now: Date): TaskWatch {
  return {
    taskId: row.id,
    status: row.status,
    model: row.model,
    active: row.nextPollAt !== null,
    slow: isTakingLong(row, now),
    usualSeconds: Math.round(usualRunMs(row.channel, row.model, row.seconds) / 1000),
    stillSince: stillSince(row).toISOString(),
    lastPolledAt: row.lastPolledAt?.toISOString() ?? null,
    nextPollAt: row.nextPollAt?.toISOString() ?? null,
    lastAnswer: parseAnswer(row.lastProviderAnswer),
  };
}

function readWatchRow(teamId: string, taskId: string) {
  return db.videoTask.findFirst({ where: { id: taskId, teamId, deletedAt: null }, select: WATCH_SELECT });
}

/** The watch of one task of the viewer's team, or null when there is no such task here. */
export async function taskWatch(actor: VideoActor, taskId: string, now = new Date()): Promise<TaskWatch | null> {
  const viewer = await authorizeVideo(actor, "videos.read");
  const row = await readWatchRow(viewer.teamId, taskId);
  return row ? toWatch(row, now) : null;
}

/**
 * polled: this call asked the provider; recent: someone asked less than 10 s ago (the answer is
 * that one); busy: a poll of it is running right now; settled: nothing left to ask.
 */
export type CheckOutcome = "polled" | "recent" | "busy" | "settled";

/** "Check now": one poll of this task now, through the engine's lease; null when not found. */
export async function checkNow(
  actor: VideoActor,
  taskId: string,
  now = new Date(),
): Promise<{ outcome: CheckOutcome; watch: TaskWatch } | null> {
  const viewer = await authorizeVideo(actor, "videos.read");
  if (typeof taskId !== "string" || taskId.length > 64) return null;
  const before = await readWatchRow(viewer.teamId, taskId);
  if (!before) return null;
  if (before.nextPollAt === null) return { outcome: "settled", watch: toWatch(before, now) };
  let polled = false;
  try {
    polled = await pollTaskNow(viewer.teamId, taskId, now, checkGapMs());
  } catch (error) {
    // The poll's own failures are recorded on the task; this is the database or the lease.
    console.error(`[check-now] task ${taskId}:`, error);
  }
  const after = (await readWatchRow(viewer.teamId, taskId)) ?? before;
  const recent = after.lastPolledAt !== null && now.getTime() - after.lastPolledAt.getTime() < checkGapMs();
  const outcome: CheckOutcome = polled ? "polled" : after.nextPollAt === null ? "settled" : recent ? "recent" : "busy";
  return { outcome, watch: toWatch(after, new Date()) };
}

export type StuckJob = {
  id: string;
  prompt: string;
  model: string;
  status: string;
  progress: number;
  connectionName: string | null;
  creatorName: string;
  createdAt: string;
  /** Held budget, integer cents. */
  reservedCents: number;
  /** The provider has the job (a job id): it can be given up and watched for a late result. */
  canGiveUp: boolean;
  watch: TaskWatch;
};

/** At most this many running jobs are looked at per team (a team runs far fewer at once). */
const RUNNING_SCAN = 500;

/** Every job of the team taking longer than usual, the longest still first (admins). */
export async function listStuckJobs(actor: VideoActor, now = new Date()): Promise<StuckJob[]> {
  const viewer = await authorizeVideo(actor, "videos.stuck.manage");
  // "Not completed, not failed" as three ranges of (teamId, status, createdAt, id), the gallery's
  // in-progress filter (decision 017): NOT IN cannot use the index.
  const rows = await db.videoTask.findMany({
    where: {
      teamId: viewer.teamId,
      deletedAt: null,
      OR: [
        { status: { lt: "completed" } },
        { status: { gt: "completed", lt: "failed" } },
        { status: { gt: "failed" } },
      ],
    },
    select: {
      ...WATCH_SELECT,
      prompt: true,
      progress: true,
      reservedCents: true,
      providerJobId: true,
      createdBy: { select: { name: true, email: true } },
      connection: { select: { name: true } },
    },
    // The index's own order, so the scan stops at RUNNING_SCAN rows (sorted below).
    orderBy: [{ status: "asc" }, { createdAt: "asc" }],
    take: RUNNING_SCAN,
  });
  return rows
    .filter((row) => !isTerminalStatus(row.status) && isTakingLong(row, now))
    .map((row) => ({
      id: row.id,
      prompt: row.prompt.slice(0, 200),
      model: row.model,
      status: row.status,
      progress: row.progress,
      connectionName: row.connection?.name ?? null,
      creatorName: row.createdBy.name ?? row.createdBy.email.split("@")[0]!,
      createdAt: row.createdAt.toISOString(),
      reservedCents: row.reservedCents,
      canGiveUp: row.providerJobId !== null,
      watch: toWatch(row, now),
    }))
    .sort((a, b) => a.watch.stillSince.localeCompare(b.watch.stillSince));
}
