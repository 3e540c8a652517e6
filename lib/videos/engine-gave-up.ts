import "server-only";
import { db } from "@/lib/db";
import { queueVideoNotification } from "@/lib/notifications/enqueue";
import { addTaskEvent } from "./task-events";
import { leaseUntil } from "./task-lease";
import { giveUp, isLateWatch } from "./time-limit";
import { isTerminalStatus } from "./video-dto";

// When the background engine has tried a task's work again and again and every attempt died or
// threw (a defect, a poison row, a process killed mid-job each time), its dead letter ends here,
// so one task cannot keep every instance busy forever. The user sees why (event
// `engine_gave_up`). Provider failures never come here: polls and archives handle those
// themselves (backoff, the time limit, the provider copy's expiry). Decision 111.

export const ENGINE_GAVE_UP = "engine_gave_up";

/**
 * Polling: the task ends as failed with its reservation released, as a time limit would end it,
 * and the provider is still asked now and then for a day: a late completion is saved and charged.
 * false when another poll holds the task (the caller retries) or there is nothing to give up.
 */
export async function giveUpPolling(taskId: string, reason: string, now = new Date()): Promise<boolean | "busy"> {
  const taken = await db.videoTask.updateMany({
    where: { id: taskId, deletedAt: null, OR: [{ pollLeaseUntil: null }, { pollLeaseUntil: { lt: now } }] },
    data: { pollLeaseUntil: leaseUntil(now) },
  });
  if (taken.count !== 1) {
    const exists = await db.videoTask.count({ where: { id: taskId, deletedAt: null } });
    return exists ? "busy" : false;
  }
  return db.$transaction(async (tx) => {
    const task = await tx.videoTask.findUniqueOrThrow({
      where: { id: taskId },
      select: { status: true, errorCode: true, channel: true, model: true, submittedAt: true, createdAt: true },
    });
    if (isTerminalStatus(task.status) || isLateWatch(task)) {
      await tx.videoTask.update({ where: { id: taskId }, data: { pollLeaseUntil: null } });
      return false;
    }
    const message = `The studio could not check this job with the provider (${reason}). Nothing was charged; if the provider still finishes it, the video is saved and charged then.`;
    await giveUp(tx, taskId, task, now, { reason: { code: ENGINE_GAVE_UP, message: message.slice(0, 500) } });
    return true;
  });
}

/**
 * Archiving: the video is marked lost with the reason (the provider billed it: the charge stays,
 * the reservation goes), and its team is told. false when it was not waiting to be archived.
 */
export async function giveUpArchive(taskId: string, reason: string, now = new Date()): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const message = `The studio could not save this video (${reason}).`.slice(0, 500);
    const lost = await tx.videoTask.updateMany({
      where: { id: taskId, archiveStatus: "pending" },
      data: {
        archiveStatus: "lost",
        archiveError: message,
        archiveLeaseUntil: null,
        nextArchiveAt: null,
        reservedCents: 0,
      },
    });
    if (lost.count !== 1) return false;
    await addTaskEvent(tx, taskId, { type: ENGINE_GAVE_UP, message, at: now });
    await queueVideoNotification(tx, taskId, "video.lost", now);
    return true;
  });
}
