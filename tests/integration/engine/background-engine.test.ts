import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, describe, expect, it } from "vitest";
import { takeOwnPostgresDatabase } from "../../support/own-postgres-database";

// The same behaviour from either engine (decision 111): pg-boss on PostgreSQL, the in-process
// sweep on SQLite, each started through lib/engine as a server starts it, against the real
// simulator over HTTP. PostgreSQL-only cases check what only a job queue has: the job written in
// the submitting transaction, and the dead letter.
await takeOwnPostgresDatabase("engine");
const { db } = await import("@/lib/db");
const { env } = await import("@/lib/env");
const { startEngine, stopEngine } = await import("@/lib/engine");
const { wakeTask } = await import("@/lib/engine/wake");
const { createVideoJob } = await import("@/lib/videos/create-video-job");
const { budgetRoom } = await import("@/lib/teams/budget");
const { key, newTeam, simulatorStats } = await import("../../support/video-harness");

const postgres = env.databaseProvider === "postgresql";
const kind = postgres ? "pg-boss" : "sweep";

async function submit(teamId: string, userId: string, prompt: string) {
  const { task } = await createVideoJob({
    teamId,
    userId,
    idempotencyKey: key(),
    model: "sora-2",
    size: "720x1280",
    seconds: 4,
    prompt,
  });
  return task.id;
}

async function rowsWhenSettled(ids: string[], timeoutMs = 90_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const rows = await db.videoTask.findMany({
      where: { id: { in: ids } },
      select: {
        id: true,
        status: true,
        archiveStatus: true,
        providerJobId: true,
        pollCount: true,
        errorCode: true,
        reservedCents: true,
        charge: { select: { amountCents: true } },
        events: { select: { type: true } },
      },
    });
    if (rows.every((r) => r.archiveStatus === "done" || r.archiveStatus === "lost")) return rows;
    if (Date.now() > deadline)
      throw new Error(`not settled: ${rows.map((r) => `${r.status}/${r.archiveStatus}`).join(", ")}`);
    await sleep(100);
  }
}

async function pgbossJobs(taskId: string, queue: string): Promise<number> {
  const rows = await db.$queryRawUnsafe<{ n: bigint }[]>(
    `SELECT count(*) AS n FROM pgboss.job WHERE name = $1 AND singleton_key = $2`,
    queue,
    taskId,
  );
  return Number(rows[0]!.n);
}

describe(`the background engine (${kind})`, () => {
  afterAll(() => stopEngine());

  it("jobs submitted while no engine ran are polled, archived and charged exactly once when it starts", async () => {
    const { owner, team } = await newTeam();
    const ids: string[] = [];
    for (let i = 0; i < 6; i++) ids.push(await submit(team.id, owner.id, `A paper boat on a pond, take ${i}`));
    expect(await startEngine(kind)).toBe(kind);

    const rows = await rowsWhenSettled(ids);
    const stats = await simulatorStats();
    for (const row of rows) {
      expect(row).toMatchObject({ status: "completed", archiveStatus: "done", reservedCents: 0 });
      expect(row.charge?.amountCents).toBe(40);
      expect(row.events.filter((e) => e.type === "archived")).toHaveLength(1);
      expect(row.events.filter((e) => e.type === "charged")).toHaveLength(1);
      // Every poll the studio counted is one request the provider saw, and the reverse: no task
      // was asked twice for one claim, whoever (job, sweep) did the asking.
      expect(stats.byJob[row.providerJobId!]?.retrieve ?? 0).toBe(row.pollCount);
      // Archived once: one download of each of the video, its thumbnail and its sprite sheet.
      expect(stats.byJob[row.providerJobId!]?.content).toBe(3);
    }
    expect((await budgetRoom(db, team.id, owner.id)).team).toMatchObject({ spentCents: 240, reservedCents: 0 });
  });

  it("a job submitted while it runs needs nothing else to be saved, and a failed render is charged nothing", async () => {
    const { owner, team } = await newTeam();
    const good = await submit(team.id, owner.id, "A kite over a beach");
    const doomed = await submit(team.id, owner.id, "A doomed kite over a beach [[fail]]");
    const deadline = Date.now() + 90_000;
    let failed = await db.videoTask.findUniqueOrThrow({ where: { id: doomed } });
    while (failed.status !== "failed" && Date.now() < deadline) {
      await sleep(100);
      failed = await db.videoTask.findUniqueOrThrow({ where: { id: doomed } });
    }
    const [row] = await rowsWhenSettled([good]);
    expect(row).toMatchObject({ status: "completed", archiveStatus: "done" });
    expect(failed).toMatchObject({ status: "failed", reservedCents: 0, nextPollAt: null });
    expect(await db.charge.count({ where: { taskId: doomed } })).toBe(0);
  });

  it.runIf(postgres)(
    "the first poll's job is written in the submit's own transaction: a rollback leaves none",
    async () => {
      const committed = crypto.randomUUID();
      const rolledBack = crypto.randomUUID();
      await db.$transaction((tx) => wakeTask(tx, committed, "poll", new Date(Date.now() + 3_600_000)));
      await db
        .$transaction(async (tx) => {
          await wakeTask(tx, rolledBack, "poll", new Date(Date.now() + 3_600_000));
          throw new Error("the submit failed after its row was written");
        })
        .catch(() => undefined);
      expect(await pgbossJobs(committed, "task-poll")).toBe(1);
      expect(await pgbossJobs(rolledBack, "task-poll")).toBe(0);
      // One queued job per task: waking it again adds none.
      await wakeTask(null, committed, "poll", new Date(Date.now() + 60_000));
      expect(await pgbossJobs(committed, "task-poll")).toBe(1);
    },
  );

  it.runIf(postgres)("the dead letter of a poll gives the task up; of an archive, marks the video lost", async () => {
    const { PgBoss } = await import("pg-boss");
    const { owner, team } = await newTeam();
    const stuck = await submit(team.id, owner.id, "A clock that runs forever [[stall]]");
    const boss = new PgBoss({ connectionString: env.databaseUrl, max: 1, supervise: false, schedule: false });
    await boss.start();
    try {
      // What pg-boss sends the dead letter queue once a poll job's retries are spent.
      await boss.send("task-dead", { taskId: stuck, work: "poll" });
      const deadline = Date.now() + 60_000;
      let row = await db.videoTask.findUniqueOrThrow({ where: { id: stuck }, include: { events: true } });
      while (row.errorCode !== "engine_gave_up" && Date.now() < deadline) {
        await sleep(200);
        row = await db.videoTask.findUniqueOrThrow({ where: { id: stuck }, include: { events: true } });
      }
      expect(row).toMatchObject({ status: "failed", errorCode: "engine_gave_up", reservedCents: 0 });
      expect(row.events.map((e) => e.type)).toContain("engine_gave_up");
      expect(await db.charge.count({ where: { taskId: stuck } })).toBe(0);

      // An archive: the provider finished (and billed) it, the studio could not keep it.
      const { team: other, owner: otherOwner } = await newTeam();
      const done = await submit(other.id, otherOwner.id, "A lantern on a quiet street");
      await db.videoTask.update({
        where: { id: done },
        data: { archiveStatus: "pending", nextArchiveAt: new Date(Date.now() + 3_600_000) },
      });
      await boss.send("task-dead", { taskId: done, work: "archive" });
      let lost = await db.videoTask.findUniqueOrThrow({ where: { id: done } });
      while (lost.archiveStatus !== "lost" && Date.now() < deadline) {
        await sleep(200);
        lost = await db.videoTask.findUniqueOrThrow({ where: { id: done } });
      }
      expect(lost).toMatchObject({ archiveStatus: "lost", nextArchiveAt: null });
      expect(lost.archiveError).toContain("engine_gave_up");
    } finally {
      await boss.stop({ graceful: false });
    }
  });
});
