import "server-only";
import { setTimeout as sleep } from "node:timers/promises";
import { recordAudit } from "@/lib/audit/record";
import { db } from "@/lib/db";
import { leaseUntil } from "./task-lease";
import { GIVEN_UP, giveUp } from "./time-limit";
import { authorizeVideo, type VideoActor } from "./video-access";
import { TERMINAL_STATUSES } from "./video-dto";

// An admin gives up a stuck job (Team → Stuck jobs): the same end as the time limit's
// (time-limit.ts): failed, its reservation released, nothing charged, and the provider still asked
// now and then for a day; a late completion is archived and charged like any other. Done under
// the task's poll lease, so it never races a poll that is applying an answer.

/** given_up: done; settled: the job had already ended; not_at_provider: no provider job to watch. */
export type GiveUpOutcome = "given_up" | "settled" | "not_at_provider" | "busy";

const LEASE_TRIES = 20;

export async function giveUpJob(actor: VideoActor, taskId: string, now = new Date()): Promise<GiveUpOutcome | null> {
  const viewer = await authorizeVideo(actor, "videos.stuck.manage");
  if (typeof taskId !== "string" || taskId.length > 64) return null;
  for (let attempt = 0; attempt < LEASE_TRIES; attempt++) {
    const at = attempt === 0 ? now : new Date();
    const lease = leaseUntil(at);
    const taken = await db.videoTask.updateMany({
      where: {
        id: taskId,
        teamId: viewer.teamId,
        deletedAt: null,
        providerJobId: { not: null },
        status: { notIn: TERMINAL_STATUSES },
        OR: [{ pollLeaseUntil: null }, { pollLeaseUntil: { lt: at } }],
      },
      data: { pollLeaseUntil: lease },
    });
    if (taken.count === 1) {
      await db.$transaction(async (tx) => {
        const task = await tx.videoTask.findUniqueOrThrow({
          where: { id: taskId },
          select: { channel: true, model: true, submittedAt: true, createdAt: true },
        });
        const who = await tx.user.findUnique({ where: { id: viewer.userId }, select: { name: true, email: true } });
        const name = who?.name ?? who?.email.split("@")[0] ?? "an admin";
        const message = `Given up by ${name}. Nothing was charged; if the provider still finishes it, the video is saved and charged then.`;
        await giveUp(tx, taskId, task, at, { reason: { code: GIVEN_UP, message } });
        await recordAudit(tx, {
          teamId: viewer.teamId,
          actorId: viewer.userId,
          action: "video.given_up",
          targetId: taskId,
          data: { model: task.model },
        });
      });
      return "given_up";
    }
    const task = await db.videoTask.findFirst({
      where: { id: taskId, teamId: viewer.teamId, deletedAt: null },
      select: { status: true, providerJobId: true },
    });
    if (!task) return null;
    if (TERMINAL_STATUSES.includes(task.status)) return "settled";
    if (!task.providerJobId) return "not_at_provider";
    // A poll holds the lease: it ends within seconds (its request times out at 20 s).
    await sleep(250);
  }
  return "busy";
}
