import type { Db, Tx } from "@/lib/db/client";

export type TaskEventInput = {
  type: string;
  status?: string | null;
  progress?: number | null;
  message?: string | null;
  at?: Date;
};

/** Appends one row to a task's timeline (shown on the detail page). */
export function addTaskEvent(tx: Tx | Db, taskId: string, event: TaskEventInput) {
  return tx.videoTaskEvent.create({
    data: {
      taskId,
      type: event.type,
      status: event.status ?? null,
      progress: event.progress ?? null,
      message: event.message?.slice(0, 2000) ?? null,
      ...(event.at ? { createdAt: event.at } : {}),
    },
  });
}

/** Written just before the create leaves: without it, a task interrupted by a crash never reached the provider. */
export const CREATE_SENT_EVENT = "create_sent";
