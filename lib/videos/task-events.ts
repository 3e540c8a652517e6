import type { Db, Tx } from "@/lib/db/client";
import { announceTaskChange } from "./task-push";

export type TaskEventInput = {
  type: string;
  status?: string | null;
  progress?: number | null;
  message?: string | null;
  at?: Date;
};

/**
 * Appends one row to a task's timeline (shown on the detail page) and announces the change to open
 * pages (lib/videos/task-push.ts), in the same transaction when there is one.
 */
export async function addTaskEvent(tx: Tx | Db, taskId: string, event: TaskEventInput) {
  const row = await tx.videoTaskEvent.create({
    data: {
      taskId,
      type: event.type,
      status: event.status ?? null,
      progress: event.progress ?? null,
      message: event.message?.slice(0, 2000) ?? null,
      ...(event.at ? { createdAt: event.at } : {}),
    },
  });
  await announceTaskChange(tx, taskId);
  return row;
}

/** Written just before the create leaves: without it, a task interrupted by a crash never reached the provider. */
export const CREATE_SENT_EVENT = "create_sent";
