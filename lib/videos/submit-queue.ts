import "server-only";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { findPreset, type PresetSpec } from "@/lib/models";
import { addTaskEvent, CREATE_SENT_EVENT } from "./task-events";
import { TERMINAL_STATUSES } from "./video-dto";

// Providers with their own limits per key (API易 官逆: 10 creates a minute, 5 running) get a job
// only when there is room: beyond that, the task waits in the studio ("waiting", budget held) and
// the engine sends it later (send-waiting.ts). A 429 from such a provider does the same — the job
// was not created, so sending it again is safe. Nothing is failed for being busy.

export const WAITING_STATUS = "waiting";
const WINDOW_MS = 60_000;
const RECHECK_MS = 5_000;

export function queuesOnRateLimit(presetId: string): boolean {
  return Boolean(findPreset(presetId)?.limits);
}

/** Whether the connection has room for one more create now (the task itself not counted). */
export async function hasRoom(
  connectionId: string,
  limits: NonNullable<PresetSpec["limits"]>,
  taskId: string,
  now: Date,
): Promise<boolean> {
  const [running, recent] = await Promise.all([
    db.videoTask.count({
      where: {
        connectionId,
        id: { not: taskId },
        deletedAt: null,
        status: { notIn: [...TERMINAL_STATUSES, WAITING_STATUS] },
        // Not yet sent: submits in their first instant, before create_sent.
        OR: [{ providerJobId: { not: null } }, { status: { in: ["submitting", "submit_unknown"] } }],
      },
    }),
    db.videoTaskEvent.count({
      where: {
        type: CREATE_SENT_EVENT,
        createdAt: { gte: new Date(now.getTime() - WINDOW_MS * env.pollScale) },
        task: { connectionId },
      },
    }),
  ]);
  return running < limits.running && recent < limits.createsPerMinute;
}

/** Puts the task in the queue until `retryAfterSeconds` (or a short recheck) has passed. */
export async function markWaiting(
  taskId: string,
  now: Date,
  retryAfterSeconds: number | null,
  reason: string,
): Promise<void> {
  const delay = Math.max((retryAfterSeconds ?? 0) * 1000, RECHECK_MS * env.pollScale);
  await db.$transaction(async (tx) => {
    const before = await tx.videoTask.findUniqueOrThrow({ where: { id: taskId }, select: { status: true } });
    await tx.videoTask.update({
      where: { id: taskId },
      data: { status: WAITING_STATUS, nextPollAt: new Date(now.getTime() + delay), pollLeaseUntil: null },
    });
    if (before.status !== WAITING_STATUS)
      await addTaskEvent(tx, taskId, { type: "waiting", status: WAITING_STATUS, message: reason, at: now });
  });
}

/** At submit: true when the task was queued instead of sent (its provider has no room now). */
export async function waitForRoom(taskId: string, connectionId: string, preset: PresetSpec, now: Date) {
  if (!preset.limits || (await hasRoom(connectionId, preset.limits, taskId, now))) return false;
  await markWaiting(taskId, now, null, `The provider takes ${preset.limits.running} jobs at a time: queued.`);
  return true;
}
