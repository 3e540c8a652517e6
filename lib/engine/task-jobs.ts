import "server-only";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { archiveTaskIfDue } from "@/lib/videos/archive-video";
import { pollTaskIfDue } from "@/lib/videos/sync-video-status";
import type { TaskWork } from "./wake";

// What one job of the engine does for one task, whichever queue library carries it. The task's
// row stays the truth (nextPollAt, nextArchiveAt, the leases): a job only says "look at this task
// now". It does the work if it is due and free (the same claim as the sweep's: one conditional
// UPDATE, so however many jobs, instances or tabs ask, the provider is asked once per interval),
// then reads the row and asks for the next look at the time the row says. Decision 111.

export type TaskJob = { taskId: string };
/** Sends a job; whether one was queued (false: the task already had one queued). */
export type SendTaskJob = (work: TaskWork, taskId: string, at: Date) => Promise<boolean>;

/** How soon to look again at a task whose lease someone else holds (a submit, another poll). */
function busyRetryMs(): number {
  return Math.max(500, 2_000 * env.pollScale);
}

export async function runTaskJob(work: TaskWork, taskId: string, send: SendTaskJob): Promise<void> {
  const now = new Date();
  if (work === "poll") await pollTaskIfDue(taskId, now);
  else await archiveTaskIfDue(taskId, now);
  await sendFollowUps(taskId, send);
}

/** The next job(s) the row asks for: a poll at nextPollAt, an archive at nextArchiveAt. */
export async function sendFollowUps(taskId: string, send: SendTaskJob): Promise<void> {
  const row = await db.videoTask.findUnique({
    where: { id: taskId },
    select: {
      deletedAt: true,
      nextPollAt: true,
      pollLeaseUntil: true,
      archiveStatus: true,
      nextArchiveAt: true,
      archiveLeaseUntil: true,
    },
  });
  if (!row || row.deletedAt) return;
  const now = Date.now();
  if (row.nextPollAt) await send("poll", taskId, nextLook(row.nextPollAt, row.pollLeaseUntil, now));
  if (row.archiveStatus === "pending" && row.nextArchiveAt)
    await send("archive", taskId, nextLook(row.nextArchiveAt, row.archiveLeaseUntil, now));
}

function nextLook(due: Date, lease: Date | null, now: number): Date {
  // Held by someone else (a submit still sending, a poll in flight): look again shortly, since
  // the holder moves `due` when it finishes, usually well before its lease would run out.
  if (lease && lease.getTime() > now && due.getTime() <= now) return new Date(now + busyRetryMs());
  return due;
}

/**
 * The safety net (once a minute): tasks whose work is overdue by more than `graceMs` get a job,
 * in case a wake was lost (the process died between commit and send, a row written by hand, a job
 * deleted). A task that already has a queued job keeps it (one queued job per task).
 */
export async function sendOverdue(send: SendTaskJob, graceMs: number | "any time", limit = 500): Promise<number> {
  // "any time": every task with work ahead, due or not (its queue was remade: no job survived).
  const when = graceMs === "any time" ? { not: null } : { lte: new Date(Date.now() - graceMs) };
  const [polls, archives] = await Promise.all([
    db.videoTask.findMany({
      where: { deletedAt: null, nextPollAt: when },
      select: { id: true },
      orderBy: { nextPollAt: "asc" },
      take: limit,
    }),
    db.videoTask.findMany({
      where: { archiveStatus: "pending", deletedAt: null, nextArchiveAt: when },
      select: { id: true },
      orderBy: { nextArchiveAt: "asc" },
      take: limit,
    }),
  ]);
  const now = new Date();
  let queued = 0;
  for (const { id } of polls) if (await send("poll", id, now)) queued++;
  for (const { id } of archives) if (await send("archive", id, now)) queued++;
  return queued;
}
