import { usualRunMs } from "./poll-schedule";
import { isTerminalStatus } from "./video-dto";

// "Taking longer than usual": a job the provider still works on whose status and progress have
// not moved for longer than its model's usual time (lib/models `usualSeconds`, usualRunMs). The
// studio's own queue ("waiting") is not the provider's delay and is never flagged.

export type SlowCheck = {
  status: string;
  channel: string;
  model: string;
  seconds: number;
  createdAt: Date;
  /** The last time status or progress moved (written by every poll that saw a change). */
  lastProgressAt?: Date | null;
  startedAt?: Date | null;
};

/** Since when the job has not moved. */
export function stillSince(task: SlowCheck): Date {
  return task.lastProgressAt ?? task.startedAt ?? task.createdAt;
}

export function isTakingLong(task: SlowCheck, now: Date): boolean {
  if (isTerminalStatus(task.status) || task.status === "waiting") return false;
  return now.getTime() - stillSince(task).getTime() > usualRunMs(task.channel, task.model, task.seconds);
}
