import "server-only";
import { Client } from "pg";
import type { Tx, Db } from "@/lib/db/client";
import { env } from "@/lib/env";

// Push of task changes to open pages (issue 12, item 4; docs/decisions/110-push.md). The database
// stays the truth: a message carries task ids only, and a page re-reads those tasks through the
// status route. Every change that writes a task event (lib/videos/task-events.ts) announces its
// task here:
// - PostgreSQL: a trigger on the timeline's table (migration 20261201235500_task_event_notify)
//   calls `pg_notify` inside the writer's statement, so it is delivered only after commit (and
//   never for a rollback), to every instance; each instance LISTENs on one dedicated connection
//   and fans out in-process.
// - SQLite (one process): in-process, at once. A page's re-read queued behind a transaction still
//   open waits for it (lib/db/sqlite-serial.ts), so it sees the committed state.
// Messages lost while a listener is away are made up for by a `resync` (re-read everything).

/** Also named by the PostgreSQL trigger that sends on it (migration 20261201235500_task_event_notify). */
export const TASK_CHANNEL = "studio_task_changes";

export type TaskPushListener = {
  /** These tasks of the team changed (created, progressed, settled, archived, deleted). */
  changed: (taskIds: string[]) => void;
  /** Messages may have been lost: re-read every task on the page. */
  resync: () => void;
};

type Hub = {
  teams: Map<string, Set<TaskPushListener>>;
  /** Ids waiting for the next delivery, per team (a burst of progress becomes one message). */
  pending: Map<string, Set<string>>;
  timer?: NodeJS.Timeout;
  listener?: { client?: Client; connecting?: Promise<void>; retryMs: number };
};

const HUB_KEY = Symbol.for("sora-studio.task-push");
const holder = globalThis as typeof globalThis & { [HUB_KEY]?: Hub };
const hub: Hub = (holder[HUB_KEY] ??= { teams: new Map(), pending: new Map() });

/** How long changes are gathered before a message: a burst of progress answers becomes one. */
const COALESCE_MS = 150;

/**
 * Announces a change of `taskId` from inside (or outside) the writer's transaction, after its
 * event row was written. On PostgreSQL the row's insert trigger has already done it.
 */
export async function announceTaskChange(tx: Tx | Db, taskId: string): Promise<void> {
  if (env.databaseProvider === "postgresql") return;
  // SQLite runs in one process: with no page listening there is no one to tell.
  if (hub.teams.size === 0) return;
  const task = await tx.videoTask.findUnique({ where: { id: taskId }, select: { teamId: true } });
  if (task) deliverLocally(task.teamId, taskId);
}

function deliverLocally(teamId: string, taskId: string): void {
  if (!hub.teams.has(teamId)) return;
  let ids = hub.pending.get(teamId);
  if (!ids) hub.pending.set(teamId, (ids = new Set()));
  ids.add(taskId);
  hub.timer ??= setTimeout(flush, COALESCE_MS);
}

function flush(): void {
  hub.timer = undefined;
  const batches = [...hub.pending];
  hub.pending.clear();
  for (const [teamId, ids] of batches) {
    for (const listener of hub.teams.get(teamId) ?? []) {
      try {
        listener.changed([...ids]);
      } catch (error) {
        console.error("[push] listener", error);
      }
    }
  }
}

function resyncAll(): void {
  for (const listeners of hub.teams.values()) for (const listener of listeners) listener.resync();
}

/** Listens to one team's task changes; returns the function that stops listening. */
export function subscribeTeamTasks(teamId: string, listener: TaskPushListener): () => void {
  let listeners = hub.teams.get(teamId);
  if (!listeners) hub.teams.set(teamId, (listeners = new Set()));
  listeners.add(listener);
  if (env.databaseProvider === "postgresql") void ensurePgListener();
  return () => {
    const current = hub.teams.get(teamId);
    current?.delete(listener);
    if (current?.size === 0) hub.teams.delete(teamId);
  };
}

/** How many pages of this process listen, per team (for tests and the deploy docs' capacity). */
export function pushListenerCount(teamId?: string): number {
  if (teamId) return hub.teams.get(teamId)?.size ?? 0;
  let n = 0;
  for (const set of hub.teams.values()) n += set.size;
  return n;
}

// One LISTEN connection per process (PostgreSQL), opened on the first subscriber and reopened
// after an error; every reconnect asks the pages to re-read, as messages sent meanwhile are lost.
function ensurePgListener(): Promise<void> {
  const state = (hub.listener ??= { retryMs: 500 });
  if (state.client) return Promise.resolve();
  state.connecting ??= connect(state).finally(() => {
    state.connecting = undefined;
  });
  return state.connecting;
}

async function connect(state: NonNullable<Hub["listener"]>): Promise<void> {
  const client = new Client({ connectionString: env.databaseUrl });
  const lost = (error?: unknown) => {
    if (state.client !== client) return;
    state.client = undefined;
    if (error) console.error("[push] LISTEN connection lost", error);
    client.removeAllListeners();
    void client.end().catch(() => undefined);
    setTimeout(() => void ensurePgListener().then(resyncAll, () => undefined), state.retryMs).unref();
    state.retryMs = Math.min(state.retryMs * 2, 10_000);
  };
  try {
    await client.connect();
    client.on("notification", (message) => {
      const payload = message.payload ?? "";
      const colon = payload.indexOf(":");
      if (message.channel === TASK_CHANNEL && colon > 0)
        deliverLocally(payload.slice(0, colon), payload.slice(colon + 1));
    });
    client.on("error", lost);
    client.on("end", () => lost());
    await client.query(`LISTEN ${TASK_CHANNEL}`);
    state.client = client;
    state.retryMs = 500;
  } catch (error) {
    console.error("[push] LISTEN failed", error);
    void client.end().catch(() => undefined);
    setTimeout(() => void ensurePgListener().then(resyncAll, () => undefined), state.retryMs).unref();
    state.retryMs = Math.min(state.retryMs * 2, 10_000);
  }
}

/** Closes this process's LISTEN connection (tests; the process's end closes it anyway). */
export async function stopTaskPush(): Promise<void> {
  const client = hub.listener?.client;
  if (hub.listener) hub.listener.client = undefined;
  hub.listener = undefined;
  if (client) {
    client.removeAllListeners();
    await client.end().catch(() => undefined);
  }
}
