import { spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { afterEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import type { CrashPoint } from "@/lib/config/crash-points";
import { createApiToken } from "@/lib/teams/api-tokens";
import { BudgetExceededError, budgetRoom } from "@/lib/teams/budget";
import { CONNECTION_ROW_SELECT, providerForConnection } from "@/lib/upstream/connections";
import type { CreateVideoJobInput } from "@/lib/videos/create-video-job";
import { syncDueTasks } from "@/lib/videos/sync-video-status";
import { leaseMs } from "@/lib/videos/task-lease";
import { createVariations } from "@/lib/videos/variations";
import { addMember, clearFaults, driveUntil, key, newTeam, setFaults, taskRow } from "../../support/video-harness";

// "Generate N variations": N tasks through the one submit path, one variation group, the budget
// checked for the whole set (all or none), and each task as crash-safe as a single submit
// (decision 006): a child process killed at each point, this process's engine taking over.

afterEach(clearFaults);

const settings = { model: "sora-2", size: "720x1280", seconds: 4 } as const; // 40 cents each
const settled = (r: Awaited<ReturnType<typeof taskRow>>) => r.status === "failed" || r.archiveStatus === "done";

describe("variations", { timeout: 120_000 }, () => {
  it("submits N tasks in one group, each charged once when done; a repeated key returns the set", async () => {
    const { owner, team } = await newTeam();
    const input = {
      teamId: team.id,
      userId: owner.id,
      ...settings,
      idempotencyKey: key(),
      prompt: "A heron, three takes",
    };
    const { tasks, created } = await createVariations(input, 3);
    expect(created).toBe(true);
    expect(tasks).toHaveLength(3);
    const rows = await db.videoTask.findMany({ where: { teamId: team.id } });
    expect(rows).toHaveLength(3);
    expect(new Set(rows.map((r) => r.variationGroupId)).size).toBe(1);
    expect(rows[0]!.variationGroupId).toBeTruthy();
    expect(rows.every((r) => r.sourceKind === "variation" && r.sourceTaskId === null)).toBe(true);
    expect(new Set(rows.map((r) => r.idempotencyKey)).size).toBe(3);
    expect((await budgetRoom(db, team.id, owner.id)).team.reservedCents).toBe(120);

    const again = await createVariations(input, 3);
    expect(again.created).toBe(false);
    expect(again.tasks.map((t) => t.id)).toEqual(tasks.map((t) => t.id));
    expect(await db.videoTask.count({ where: { teamId: team.id } })).toBe(3);

    for (const task of tasks) await driveUntil(task.id, (r) => r.archiveStatus === "done");
    const charges = await db.charge.findMany({ where: { teamId: team.id } });
    expect(charges.map((c) => c.amountCents)).toEqual([40, 40, 40]);
    expect(new Set(charges.map((c) => c.taskId)).size).toBe(3);
    expect((await budgetRoom(db, team.id, owner.id)).team).toMatchObject({ spentCents: 120, reservedCents: 0 });
  });

  it("a budget that fits N-1 refuses the whole set and reserves nothing (team, member and token caps)", async () => {
    const { owner, team } = await newTeam();
    await db.team.update({ where: { id: team.id }, data: { monthlyBudgetCents: 80 } }); // two of three
    const input = { teamId: team.id, userId: owner.id, ...settings, idempotencyKey: key(), prompt: "Too many" };
    const attempt = createVariations(input, 3);
    await expect(attempt).rejects.toBeInstanceOf(BudgetExceededError);
    await expect(attempt).rejects.toMatchObject({ scope: "team", remainingCents: 80, costCents: 120 });
    expect(await db.videoTask.count({ where: { teamId: team.id } })).toBe(0);
    expect((await budgetRoom(db, team.id, owner.id)).team).toMatchObject({ reservedCents: 0, spentCents: 0 });
    // Two fit.
    expect((await createVariations({ ...input, idempotencyKey: key() }, 2)).tasks).toHaveLength(2);

    const member = await addMember(team.id, "MEMBER");
    await db.team.update({ where: { id: team.id }, data: { monthlyBudgetCents: null } });
    await db.membership.update({
      where: { teamId_userId: { teamId: team.id, userId: member.id } },
      data: { monthlyCapCents: 119 },
    });
    const byMember = createVariations({ ...input, userId: member.id, idempotencyKey: key() }, 3);
    await expect(byMember).rejects.toMatchObject({ scope: "member", remainingCents: 119, costCents: 120 });
    expect(await db.videoTask.count({ where: { createdById: member.id } })).toBe(0);

    const token = await createApiToken(db, owner.id, team.id, {
      name: "Script",
      monthlyCapCents: 100,
      expiresInDays: null,
    });
    const byToken = createVariations(
      { ...input, idempotencyKey: key(), apiToken: { id: token.id, monthlyCapCents: 100 } },
      3,
    );
    await expect(byToken).rejects.toMatchObject({ scope: "token", remainingCents: 100, costCents: 120 });
    expect(await db.videoTask.count({ where: { apiTokenId: token.id } })).toBe(0);
  });

  it("a set whose creates outlast several leases is not taken over: every task's lease is renewed", async () => {
    const { owner, team } = await newTeam();
    const prompt = `Slow set ${randomUUID()}`;
    expect(leaseMs()).toBeLessThan(7_000);
    await setFaults("slow:7000@create*2");
    const child = runChild(null, { teamId: team.id, userId: owner.id, ...settings, idempotencyKey: key(), prompt }, 2);
    let exited = false;
    void child.then(() => (exited = true));
    while (!exited) {
      await syncDueTasks({ teamId: team.id });
      await sleep(100);
    }
    expect((await child).code).toBe(0);
    const rows = await db.videoTask.findMany({ where: { teamId: team.id }, include: { events: true } });
    expect(rows).toHaveLength(2);
    for (const row of rows) {
      expect(row.errorCode).toBeNull();
      expect(row.events.map((e) => e.type)).not.toContain("reconciled");
      expect(row.events.map((e) => e.type)).not.toContain("failed");
      expect(row.providerJobId).toMatch(/^video_/);
    }
  });

  for (const [point, expectation] of [
    ["submit:task-saved", "every task fails at once, released; nothing exists upstream"],
    ["submit:sending", "the first is searched for and lost, the others fail at once; all released"],
    ["submit:accepted", "the accepted job is found and charged once; the others fail, released"],
  ] as const)
    it(`killed at ${point}: ${expectation}`, async () => {
      const { owner, team } = await newTeam();
      const prompt = `Crashed set ${point} ${randomUUID()}`;
      const exit = await runChild(
        point,
        { teamId: team.id, userId: owner.id, ...settings, idempotencyKey: key(), prompt },
        3,
      );
      expect(exit.signal, exit.stderr).toBe("SIGKILL");
      const tasks = await db.videoTask.findMany({ where: { teamId: team.id }, orderBy: { idempotencyKey: "asc" } });
      expect(tasks).toHaveLength(3);
      expect(tasks.every((t) => t.reservedCents === 40 && t.nextPollAt !== null)).toBe(true);

      const rows = [];
      for (const task of tasks) rows.push(await driveUntil(task.id, settled));
      const upstream = await upstreamJobs(team.id, prompt);
      const linked = rows.filter((r) => r.archiveStatus === "done");
      // No job upstream without its task, none shared, each done task charged once.
      expect(upstream.sort()).toEqual(linked.map((r) => r.providerJobId!).sort());
      expect(linked.every((r) => r.charge?.amountCents === 40)).toBe(true);
      expect(rows.filter((r) => r.status === "failed").every((r) => r.reservedCents === 0 && !r.charge)).toBe(true);
      const codes = rows.map((r) => r.errorCode ?? "done").sort();
      if (point === "submit:task-saved") expect(codes).toEqual(Array(3).fill("submit_interrupted"));
      if (point === "submit:sending")
        expect(codes).toEqual(["submit_interrupted", "submit_interrupted", "submit_lost"]);
      if (point === "submit:accepted") expect(codes).toEqual(["done", "submit_interrupted", "submit_interrupted"]);
      expect((await budgetRoom(db, team.id, owner.id)).team).toMatchObject({
        reservedCents: 0,
        spentCents: 40 * linked.length,
      });
    });
});

/** The provider's jobs carrying this prompt, through the team's real provider client. */
async function upstreamJobs(teamId: string, prompt: string): Promise<string[]> {
  const row = await db.providerConnection.findFirstOrThrow({ where: { teamId }, select: CONNECTION_ROW_SELECT });
  const ids: string[] = [];
  const { adapter, connection } = providerForConnection(row);
  for await (const video of adapter.listRecent!(connection, { timeoutMs: 20_000 }))
    if (video.prompt === prompt) ids.push(video.id);
  return ids;
}

const root = path.resolve(import.meta.dirname, "../../..");

function runChild(point: CrashPoint | null, input: CreateVideoJobInput, count: number) {
  // Node itself runs the child (tsx as a loader), so the kill is seen as such.
  const child = spawn(
    process.execPath,
    ["--conditions=react-server", "--import", "tsx", "tests/integration/lineage/support/variations-child.ts"],
    {
      cwd: root,
      env: {
        ...process.env,
        PROVIDER_CREATE_TIMEOUT_MS: "30000",
        STUDIO_CRASH_AT: point ?? "",
        VARIATIONS_CHILD_JOB: JSON.stringify({ input, count }),
      },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>(
    (resolve, reject) => {
      child.on("error", reject);
      child.on("exit", (code, signal) => resolve({ code, signal, stdout, stderr }));
    },
  );
}
