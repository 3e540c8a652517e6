import type { Tx } from "@/lib/db/client";

// How the rest of lib tells the background engine that a task has work at a time: "poll it at
// `at`", "archive it at `at`", "there are notifications to send". Called inside the writer's
// transaction, so the engine's job exists exactly when the write committed (pg-boss inserts its
// job row through the same transaction). With the in-process sweep (SQLite, or STUDIO_ENGINE=sweep)
// nothing needs waking: the sweep reads due rows every tick, and these calls do nothing. The
// rows stay the truth either way (nextPollAt, nextArchiveAt): a wake that never happened is
// caught by the engine's minute-by-minute safety net. Decision 111.

export type TaskWork = "poll" | "archive";

export interface Waker {
  wakeTask(tx: Tx | null, taskId: string, work: TaskWork, at: Date): Promise<void>;
  wakeDeliveries(tx: Tx | null): Promise<void>;
}

const KEY = Symbol.for("sora-studio.engine-waker");
type WithWaker = typeof globalThis & { [KEY]?: Waker | null };

/** Set by the engine once it can take jobs (lib/engine/pg-boss-engine.ts); null when it stops. */
export function setWaker(waker: Waker | null): void {
  (globalThis as WithWaker)[KEY] = waker;
}

function waker(): Waker | null {
  return (globalThis as WithWaker)[KEY] ?? null;
}

/** The engine should look at this task's `work` at `at` (no earlier than the row says). */
export async function wakeTask(tx: Tx | null, taskId: string, work: TaskWork, at: Date): Promise<void> {
  await waker()?.wakeTask(tx, taskId, work, at);
}

/** The notification outbox has rows due now. */
export async function wakeDeliveries(tx: Tx | null): Promise<void> {
  await waker()?.wakeDeliveries(tx);
}
