import { randomUUID } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import { afterEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { budgetRoom } from "@/lib/teams/budget";
import { CONNECTION_ROW_SELECT, providerForConnection } from "@/lib/upstream/connections";
import { createVideoJob } from "@/lib/videos/create-video-job";
import { syncDueTasks } from "@/lib/videos/sync-video-status";
import { leaseMs } from "@/lib/videos/task-lease";
import { clearFaults, driveUntil, key, newTeam, setFaults, simulatorStats, taskRow } from "../../support/video-harness";
import { runCrashingChild } from "./support/crash-harness";
import type { CrashPoint } from "@/lib/config/crash-points";

// kill -9 at each step of a submit, in a real child process, then the engine of a "restarted"
// studio (this process) takes over. Every task must end in a true state: linked to the provider's
// job (then archived and charged once), or failed with its reservation released when no job
// exists upstream — and no upstream job may be left without its task.

async function crashSubmit(point: CrashPoint, team: { id: string }, userId: string, prompt: string) {
  // A generous create timeout: the crash point must be reached, not a timeout on a busy machine.
  const exit = await runCrashingChild(
    point,
    {
      submit: { teamId: team.id, userId, idempotencyKey: key(), model: "sora-2", size: "720x1280", seconds: 4, prompt },
    },
    { PROVIDER_CREATE_TIMEOUT_MS: "30000" },
  );
  expect(exit.signal, exit.stderr).toBe("SIGKILL");
  return db.videoTask.findFirstOrThrow({ where: { teamId: team.id, prompt }, orderBy: { createdAt: "desc" } });
}

/** The provider's jobs carrying this prompt, through the team's real provider client. */
async function upstreamJobs(team: { id: string }, prompt: string): Promise<string[]> {
  const row = await db.providerConnection.findFirstOrThrow({
    where: { teamId: team.id },
    select: CONNECTION_ROW_SELECT,
  });
  const ids: string[] = [];
  const { adapter, connection } = providerForConnection(row);
  for await (const video of adapter.listRecent!(connection, { timeoutMs: 20_000 }))
    if (video.prompt === prompt) ids.push(video.id);
  return ids;
}

afterEach(clearFaults);

const creates = async () => (await simulatorStats()).byEndpoint.create ?? 0;
const settled = (r: Awaited<ReturnType<typeof taskRow>>) => r.status === "failed" || r.archiveStatus === "done";

describe("a crash during submit loses nothing", { timeout: 120_000 }, () => {
  it("before anything was sent: the task fails at once, its reservation is released, nothing exists upstream", async () => {
    const { owner, team } = await newTeam();
    const prompt = `Crash after the row ${randomUUID()}`;
    const before = await creates();
    const task = await crashSubmit("submit:task-saved", team, owner.id, prompt);
    expect(task.status).toBe("submitting");
    expect(task.reservedCents).toBe(40);
    expect(task.nextPollAt).not.toBeNull();

    const row = await driveUntil(task.id, settled);
    expect(row.status).toBe("failed");
    expect(row.errorCode).toBe("submit_interrupted");
    expect(row.reservedCents).toBe(0);
    expect(row.charge).toBeNull();
    expect(await creates()).toBe(before);
    expect((await budgetRoom(db, team.id, owner.id)).team).toMatchObject({ spentCents: 0, reservedCents: 0 });
  });

  it("while the create was about to leave but never did: the provider is searched, then the task fails, released", async () => {
    const { owner, team } = await newTeam();
    const prompt = `Crash while sending ${randomUUID()}`;
    const before = await creates();
    const task = await crashSubmit("submit:sending", team, owner.id, prompt);
    const row = await driveUntil(task.id, settled);
    expect(row.errorCode).toBe("submit_lost");
    expect(row.reservedCents).toBe(0);
    expect(row.charge).toBeNull();
    expect(await creates()).toBe(before);
    expect(await upstreamJobs(team, prompt)).toEqual([]);
  });

  it("after the provider accepted, before its id was saved: the job is found, linked, archived and charged once", async () => {
    const { owner, team } = await newTeam();
    const prompt = `Crash after acceptance ${randomUUID()}`;
    const task = await crashSubmit("submit:accepted", team, owner.id, prompt);
    expect(task.status).toBe("submitting");
    expect(task.providerJobId).toBeNull();

    const row = await driveUntil(task.id, settled);
    expect(row.archiveStatus).toBe("done");
    expect(row.events.map((e) => e.type)).toContain("reconciled");
    expect(await upstreamJobs(team, prompt)).toEqual([row.providerJobId]);
    expect(row.charge?.amountCents).toBe(40);
    expect((await budgetRoom(db, team.id, owner.id)).team).toMatchObject({ spentCents: 40, reservedCents: 0 });
  });

  it("after the id was saved: the job simply carries on", async () => {
    const { owner, team } = await newTeam();
    const prompt = `Crash after linking ${randomUUID()}`;
    const task = await crashSubmit("submit:linked", team, owner.id, prompt);
    expect(task.providerJobId).toMatch(/^video_/);
    const row = await driveUntil(task.id, settled);
    expect(row.archiveStatus).toBe("done");
    expect(row.events.map((e) => e.type)).not.toContain("reconciled");
    expect(row.charge?.amountCents).toBe(40);
  });

  it("several identical submits killed after acceptance each find their own job: none orphaned, none shared", async () => {
    const { owner, team } = await newTeam();
    const prompt = `Same prompt twice ${randomUUID()}`;
    const tasks = [];
    for (let i = 0; i < 2; i++) tasks.push(await crashSubmit("submit:accepted", team, owner.id, prompt));
    const rows = [];
    for (const task of tasks) rows.push(await driveUntil(task.id, settled));
    const linked = rows.map((r) => r.providerJobId);
    expect(rows.map((r) => r.archiveStatus)).toEqual(["done", "done"]);
    expect(new Set(linked).size).toBe(2);
    expect((await upstreamJobs(team, prompt)).sort()).toEqual([...linked].sort());
    expect(await db.charge.count({ where: { teamId: team.id } })).toBe(2);
  });

  it("a live submit whose create outlasts several leases is not taken over: its lease is renewed", async () => {
    const { owner, team } = await newTeam();
    const prompt = `Slow create ${randomUUID()}`;
    // The create is answered after 12 s; a lease lasts leaseMs() (5 s here). Were it not renewed,
    // the sweep below would take the task over, find no job yet, and fail it.
    expect(leaseMs() * 2).toBeLessThan(12_000);
    await setFaults("slow:12000@create*1");
    const child = runCrashingChild(
      null,
      {
        submit: {
          teamId: team.id,
          userId: owner.id,
          idempotencyKey: key(),
          model: "sora-2",
          size: "720x1280",
          seconds: 4,
          prompt,
        },
      },
      { PROVIDER_CREATE_TIMEOUT_MS: "30000" },
    );
    let exited = false;
    void child.then(() => (exited = true));
    while (!exited) {
      await syncDueTasks({ teamId: team.id });
      await sleep(100);
    }
    const { code, stdout } = await child;
    expect(code).toBe(0);
    expect(["queued", "in_progress"]).toContain((JSON.parse(stdout) as { status: string }).status);
    const task = await db.videoTask.findFirstOrThrow({ where: { teamId: team.id, prompt } });
    const row = await taskRow(task.id);
    expect(row.events.map((e) => e.type)).not.toContain("reconciled");
    expect(row.events.map((e) => e.type)).not.toContain("failed");
    expect(row.providerJobId).toMatch(/^video_/);
  });

  it("a submit that lost its lease and was given up as lost still adopts its job when the answer arrives", async () => {
    const { owner, team } = await newTeam();
    const prompt = `Stalled submitter ${randomUUID()}`;
    await setFaults("slow:3000@create*1");
    const child = runCrashingChild(
      null,
      {
        submit: {
          teamId: team.id,
          userId: owner.id,
          idempotencyKey: key(),
          model: "sora-2",
          size: "720x1280",
          seconds: 4,
          prompt,
        },
      },
      { PROVIDER_CREATE_TIMEOUT_MS: "10000" },
    );
    let exited = false;
    void child.then(() => (exited = true));
    // As if the submitting process had stalled past its lease: take the lease away.
    let task = null;
    while (!task && !exited) {
      task = await db.videoTask.findFirst({
        where: { teamId: team.id, prompt, events: { some: { type: "create_sent" } } },
      });
      await sleep(50);
    }
    await db.videoTask.update({ where: { id: task!.id }, data: { pollLeaseUntil: new Date(0) } });
    while (!exited) {
      await syncDueTasks({ taskIds: [task!.id] });
      await sleep(100);
    }
    expect((await child).code).toBe(0);
    const adopted = await taskRow(task!.id);
    expect(adopted.events.map((e) => e.type)).toContain("failed");
    expect(adopted.errorCode).toBeNull();
    expect(adopted.providerJobId).toMatch(/^video_/);
    const row = await driveUntil(task!.id, settled);
    expect(row.archiveStatus).toBe("done");
    expect(row.charge?.amountCents).toBe(40);
  });
});

describe("a crash during archive", { timeout: 120_000 }, () => {
  it("leaves a short lease: another process resumes the copy within one lease, and charges once", async () => {
    const { owner, team } = await newTeam();
    const { task } = await createVideoJob({
      teamId: team.id,
      userId: owner.id,
      idempotencyKey: key(),
      model: "sora-2",
      size: "720x1280",
      seconds: 4,
      prompt: `Archive crash ${randomUUID()}`,
    });
    // Poll only (no archive here): the child is the first to claim the archive.
    while ((await taskRow(task.id)).status !== "completed") {
      await syncDueTasks({ taskIds: [task.id] });
      await sleep(40);
    }
    const exit = await runCrashingChild("archive:claimed", { archiveTaskId: task.id });
    expect(exit.signal, exit.stderr).toBe("SIGKILL");
    const crashed = await taskRow(task.id);
    expect(crashed.archiveStatus).toBe("pending");
    expect(crashed.archiveLeaseUntil!.getTime()).toBeLessThanOrEqual(Date.now() + leaseMs());

    const row = await driveUntil(task.id, (r) => r.archiveStatus === "done");
    expect(row.charge?.amountCents).toBe(40);
    expect(await db.charge.count({ where: { taskId: task.id } })).toBe(1);
  });
});
