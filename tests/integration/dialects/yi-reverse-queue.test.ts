import { afterEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { addConnection } from "@/lib/teams/connections";
import { archiveDueTasks } from "@/lib/videos/archive-video";
import { createVideoJob } from "@/lib/videos/create-video-job";
import { syncDueTasks } from "@/lib/videos/sync-video-status";
import { driveUntil, key, newTeam } from "../../support/video-harness";

// API易 官逆 takes 5 running jobs and 10 creates a minute per key. The studio respects that on
// its side: a sixth job waits in the studio (budget held) and is sent when one finishes; a 429
// from the provider puts a job back in the queue instead of failing it.

const yiControl = () => process.env.SIMULATOR_CONTROL_URL!.replace(/\/__simulator$/, "/yi-reverse/__simulator");
const yiFaults = (rules: string | null) =>
  fetch(`${yiControl()}/faults`, {
    method: rules ? "POST" : "DELETE",
    headers: { "content-type": "application/json" },
    body: rules ? JSON.stringify({ rules }) : undefined,
  });

afterEach(async () => {
  await yiFaults(null);
});

async function yiTeam() {
  const { owner, team } = await newTeam();
  const connectionId = await addConnection(
    db,
    owner.id,
    team.id,
    { name: "官逆", preset: "simulator-yi-reverse", baseUrl: null, apiKey: null },
    env.providerKeySecret(),
  );
  const submit = (prompt: string) =>
    createVideoJob({
      teamId: team.id,
      userId: owner.id,
      idempotencyKey: key(),
      connectionId,
      model: "sora-2",
      size: "720x1280",
      seconds: 10,
      prompt,
    });
  return { owner, team, submit };
}

describe("API易 官逆's limits are kept on our side: queue, don't fail", () => {
  it(
    "six jobs at once: five are sent, one waits with its budget held, then all are made and charged once",
    { timeout: 180_000 },
    async () => {
      const { submit } = await yiTeam();
      const tasks = [];
      for (let i = 0; i < 6; i++) tasks.push((await submit(`Harbour at dawn, take ${i + 1}`)).task);
      const waiting = tasks.filter((t) => t.status === "waiting");
      expect(waiting).toHaveLength(1);
      expect(tasks.filter((t) => t.status !== "waiting").every((t) => t.status === "queued")).toBe(true);
      for (const task of waiting) {
        const row = await db.videoTask.findUniqueOrThrow({ where: { id: task.id } });
        expect(row.providerJobId).toBeNull();
        expect(row.reservedCents).toBe(15);
      }
      const ids = tasks.map((t) => t.id);
      const deadline = Date.now() + 150_000;
      let running = 0;
      for (;;) {
        await syncDueTasks({ taskIds: ids });
        await archiveDueTasks({ taskIds: ids, limit: 10 });
        const rows = await db.videoTask.findMany({
          where: { id: { in: ids } },
          select: { status: true, archiveStatus: true, providerJobId: true },
        });
        const live = rows.filter(
          (r) => r.providerJobId && (r.status === "queued" || r.status === "in_progress"),
        ).length;
        running = Math.max(running, live);
        if (rows.every((r) => r.archiveStatus === "done")) break;
        if (Date.now() > deadline) throw new Error(`not all archived: ${JSON.stringify(rows)}`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      // Never more than five at the provider at once.
      expect(running).toBeLessThanOrEqual(5);
      for (const id of ids) {
        const charge = await db.charge.findUniqueOrThrow({ where: { taskId: id } });
        expect(charge.amountCents).toBe(15);
        expect(await db.videoTaskEvent.count({ where: { taskId: id, type: "create_sent" } })).toBe(1);
      }
      for (const task of waiting) {
        const types = (
          await db.videoTaskEvent.findMany({ where: { taskId: task.id }, orderBy: { createdAt: "asc" } })
        ).map((e) => e.type);
        expect(types.indexOf("waiting")).toBeLessThan(types.indexOf("create_sent"));
      }
    },
  );

  it("a 429 from the provider puts the job back in the queue; it is sent again and made", async () => {
    const { submit } = await yiTeam();
    await yiFaults("429@create*1");
    const { task } = await submit("Rate limited once");
    expect(task.status).toBe("waiting");
    const row = await driveUntil(task.id, (r) => r.archiveStatus === "done", 60_000);
    expect(row.charge?.amountCents).toBe(15);
    const types = row.events.map((e) => e.type);
    expect(types.filter((t) => t === "create_sent")).toHaveLength(2);
    expect(types).toContain("waiting");
  });
});
