import "server-only";
import { fromPrisma, PgBoss, type Job, type JobResult } from "pg-boss";
import { env } from "@/lib/env";
import { deliverDueNotifications } from "@/lib/notifications/deliver";
import { ENGINE_GAVE_UP, giveUpArchive, giveUpPolling } from "@/lib/videos/engine-gave-up";
import { runUpkeep } from "@/lib/videos/sweep";
import { runTaskJob, sendOverdue, type SendTaskJob, type TaskJob } from "./task-jobs";
import { setWaker, type TaskWork } from "./wake";

// Background work on PostgreSQL as pg-boss jobs (decision 111). Every instance runs the same
// workers; pg-boss hands each job to one of them (SKIP LOCKED), and the task's lease still
// guards the work itself.
// - task-poll / task-archive: one queued job per task (policy "short", singletonKey = task id),
//   delayed to the row's time; sent in the transaction that makes the work due (wake.ts) and by
//   each job for the next look (task-jobs.ts). A job that throws or whose process dies is retried
//   with exponential backoff; after the last retry its dead letter (task-dead) gives the task up
//   (engine-gave-up.ts) so one poison task cannot loop forever.
// - deliver-notifications: sent with every outbox row; sends what is due.
// - engine-upkeep: a cron once a minute (pg-boss runs it on one instance): retention, the outbox's
//   retries, live catalogues, and the safety net for overdue tasks.

export const QUEUES = {
  poll: "task-poll",
  archive: "task-archive",
  dead: "task-dead",
  deliver: "deliver-notifications",
  upkeep: "engine-upkeep",
} as const;

/** Retries of a task job that threw or died before its dead letter. */
const RETRY_LIMIT = 4;
const queueOf = (work: TaskWork) => (work === "poll" ? QUEUES.poll : QUEUES.archive);
type DeadJob = TaskJob & { work?: TaskWork };

const GLOBAL_KEY = Symbol.for("sora-studio.pg-boss");
type WithBoss = typeof globalThis & { [GLOBAL_KEY]?: Promise<PgBoss> };

/** Starts the engine once per process (idempotent); resolves when its workers run. */
export function startPgBossEngine(): Promise<PgBoss> {
  const holder = globalThis as WithBoss;
  holder[GLOBAL_KEY] ??= start().catch((error: unknown) => {
    delete holder[GLOBAL_KEY];
    throw error;
  });
  return holder[GLOBAL_KEY];
}

/** Stops the workers, letting running jobs finish (tests, shutdown). */
export async function stopPgBossEngine(): Promise<void> {
  const holder = globalThis as WithBoss;
  const running = holder[GLOBAL_KEY];
  if (!running) return;
  delete holder[GLOBAL_KEY];
  setWaker(null);
  const boss = await running.catch(() => null);
  await boss?.stop({ graceful: true, timeout: 30_000 });
}

async function start(): Promise<PgBoss> {
  const boss = new PgBoss({
    connectionString: env.databaseUrl,
    // Beside Prisma's pool and the push LISTEN connection (docs/deploy.md: connections).
    max: 4,
    application_name: "sora-studio-engine",
  });
  boss.on("error", (error) => console.error("[engine]", error));
  await boss.start();

  const scale = env.pollScale;
  // Retries of a job that threw or died: 2 s, 4 s, 8 s, 16 s (scaled), then the dead letter.
  const retries = {
    retryLimit: RETRY_LIMIT,
    retryDelay: Math.max(1, Math.round(2 * scale)),
    retryBackoff: true,
    retryDelayMax: 120,
    // A job whose process died is retried once this passes (a poll waits at most 20 s for the
    // provider, an archive's download up to 2 min per file).
    expireInSeconds: 600,
    retentionSeconds: 3_600,
    deleteAfterSeconds: 3_600,
  };
  await ensureQueue(boss, QUEUES.dead, { policy: "standard", retentionSeconds: 7 * 86_400 });
  // "short": one queued job per task, any number active. Not "stately" (one active too): a job left
  // active by a killed instance would hold the task's next job back until it expired (10 min),
  // where the row's lease frees the task in 20 s.
  const pollRemade = await ensureQueue(boss, QUEUES.poll, { policy: "short", ...retries, deadLetter: QUEUES.dead });
  const archiveRemade = await ensureQueue(boss, QUEUES.archive, {
    policy: "short",
    ...retries,
    deadLetter: QUEUES.dead,
  });
  const recreated = pollRemade || archiveRemade;
  // One at a time across instances; a run left active by a killed instance blocks the next for at
  // most its expiry.
  const single = { policy: "stately", deleteAfterSeconds: 3_600 } as const;
  await ensureQueue(boss, QUEUES.deliver, { ...single, retryLimit: 2, expireInSeconds: 120 });
  await ensureQueue(boss, QUEUES.upkeep, { ...single, retryLimit: 0, expireInSeconds: 300 });

  const send = async (work: TaskWork, taskId: string, at: Date, tx?: Parameters<typeof fromPrisma>[0]) => {
    const id = await boss.send(queueOf(work), { taskId, work } satisfies DeadJob, {
      singletonKey: taskId,
      startAfter: at,
      ...(tx ? { db: fromPrisma(tx) } : {}),
    });
    return id !== null;
  };

  // Delayed jobs are found by polling the queue (NOTIFY only tells of new jobs), at most every
  // 0.5 s. A worker waits that long after each fetch unless the fetch came back full, so each
  // worker takes a small batch and runs it at once, and fetches again at once while there is more
  // (a busy minute of 500 jobs needs ~100 polls a second). Concurrency stays bounded.
  await workTasks(boss, "poll", env.pollConcurrency, send);
  await workTasks(boss, "archive", env.archiveConcurrency, send);
  await boss.work<DeadJob>(QUEUES.dead, { pollingIntervalSeconds: 5 }, async ([job]) => job && onDead(job));
  await boss.work(QUEUES.deliver, { pollingIntervalSeconds: 1 }, async () => {
    await deliverDueNotifications(new Date());
  });
  await boss.work(QUEUES.upkeep, { pollingIntervalSeconds: 5 }, async () => {
    const overdue = await sendOverdue(send, Math.max(10_000, 30_000 * scale));
    if (overdue > 0) console.warn(`[engine] safety net: ${overdue} overdue task(s) had no job`);
    await runUpkeep(new Date());
  });
  await boss.schedule(QUEUES.upkeep, "* * * * *");
  // Whatever fell due while no instance ran (a restart, an outage) gets its job now; after a queue
  // was remade, every task with work ahead does.
  await sendOverdue(send, recreated ? "any time" : 0).catch((error: unknown) =>
    console.error("[engine] overdue at start", error),
  );

  setWaker({
    wakeTask: async (tx, taskId, work, at) => {
      await send(work, taskId, at, tx ?? undefined);
    },
    wakeDeliveries: async (tx) => {
      await boss.send(QUEUES.deliver, {}, { singletonKey: "outbox", ...(tx ? { db: fromPrisma(tx) } : {}) });
    },
  });
  console.log(
    `Background engine: pg-boss (polls ${env.pollConcurrency}, archives ${env.archiveConcurrency} at a time per instance).`,
  );
  return boss;
}

/** Workers for one task queue: `concurrency` jobs in flight per instance, in batches of up to 4. */
async function workTasks(boss: PgBoss, work: TaskWork, concurrency: number, send: SendTaskJob): Promise<void> {
  const batchSize = Math.min(4, concurrency);
  await boss.work<
    TaskJob,
    unknown,
    {
      pollingIntervalSeconds: number;
      localConcurrency: number;
      batchSize: number;
      burstWhenBatchFull: true;
      perJobResults: true;
    }
  >(
    queueOf(work),
    {
      pollingIntervalSeconds: 0.5,
      localConcurrency: Math.ceil(concurrency / batchSize),
      batchSize,
      burstWhenBatchFull: true,
      perJobResults: true,
    },
    (jobs) =>
      Promise.all(
        jobs.map(async (job): Promise<JobResult> => {
          try {
            await runTaskJob(work, job.data.taskId, send);
            return { id: job.id, status: "completed" };
          } catch (error) {
            // Retried with backoff (the queue's settings), then the dead letter.
            console.error(`[engine] ${work} of task ${job.data.taskId}:`, error);
            return { id: job.id, status: "failed", output: { message: String((error as Error).message ?? error) } };
          }
        }),
      ),
  );
}

/** Creates or updates a queue; true when it had to be remade (its policy changed, its jobs gone). */
async function ensureQueue(
  boss: PgBoss,
  name: string,
  options: Parameters<PgBoss["createQueue"]>[1] & object,
): Promise<boolean> {
  const existing = await boss.getQueue(name);
  const remake = existing !== null && options.policy !== undefined && existing.policy !== options.policy;
  if (remake) {
    console.warn(`[engine] queue ${name}: policy ${existing.policy} → ${options.policy}, remade`);
    await boss.deleteQueue(name);
  }
  await boss.createQueue(name, options);
  // The rest of the settings follow this code's.
  const { policy: _policy, deadLetter, ...rest } = options;
  await boss.updateQueue(name, { ...rest, ...(deadLetter ? { deadLetter } : {}) });
  return remake;
}

async function onDead(job: Job<DeadJob>): Promise<void> {
  const { taskId, work } = job.data;
  if (!taskId || !work) return;
  const reason = `${ENGINE_GAVE_UP} after ${RETRY_LIMIT + 1} attempts`;
  if (work === "archive") {
    await giveUpArchive(taskId, reason);
    return;
  }
  // Another poll holds the task right now: throw, and this dead letter is tried again.
  if ((await giveUpPolling(taskId, reason)) === "busy") throw new Error(`task ${taskId} is busy`);
}
