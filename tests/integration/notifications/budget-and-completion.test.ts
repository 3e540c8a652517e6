import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { deliverDueNotifications } from "@/lib/notifications/deliver";
import { setTeamBudget } from "@/lib/teams/team-budget-settings";
import { chargeTask } from "@/lib/videos/billing";
import { createVideoJob } from "@/lib/videos/create-video-job";
import { archiveDueTasks } from "@/lib/videos/archive-video";
import { syncDueTasks } from "@/lib/videos/sync-video-status";
import { clearFaults, driveUntil, key, newTeam, setFaults, taskRow } from "../../support/video-harness";
import { addEndpoint, deliveriesOf, insertTask } from "./support/notification-fixtures";
import { standardWebhookValid, startReceiver } from "../../support/webhook-receiver";

// Budget notices come from the charges themselves (lib/videos/billing.ts → chargeTask), and a
// completed video is told once the studio keeps its copy. Real engine, real simulator.

let receiver: Awaited<ReturnType<typeof startReceiver>>;
beforeAll(async () => {
  receiver = await startReceiver();
});
afterAll(() => receiver.close());

async function charge(teamId: string, userId: string, cents: number, at: Date) {
  const taskId = await insertTask(teamId, userId, cents);
  await db.$transaction((tx) => chargeTask(tx, taskId, at));
}

const budgetTypes = async (endpointId: string) =>
  (await deliveriesOf(endpointId)).map((d) => {
    const data = JSON.parse(d.payload) as { budget: { month: string; spentCents: number } };
    return `${d.type} ${data.budget.month} ${data.budget.spentCents}`;
  });

describe("budget notices", () => {
  it("80 % and 100 % of the monthly budget fire once each per month, from the charge that crosses them", async () => {
    const { owner, team } = await newTeam();
    await setTeamBudget(db, owner.id, team.id, 1000);
    const endpoint = await addEndpoint(owner.id, team.id, {
      url: receiver.url("/budget"),
      events: ["budget.80", "budget.100"],
    });
    const dec = new Date(Date.UTC(2026, 11, 3, 10));
    await charge(team.id, owner.id, 500, dec);
    expect(await budgetTypes(endpoint.id)).toEqual([]);
    await charge(team.id, owner.id, 300, dec); // 800 of 1000
    await charge(team.id, owner.id, 100, dec);
    expect(await budgetTypes(endpoint.id)).toEqual(["budget.80 2026-12 800"]);
    await charge(team.id, owner.id, 150, dec); // 1050
    await charge(team.id, owner.id, 150, dec);
    expect(await budgetTypes(endpoint.id)).toEqual(["budget.80 2026-12 800", "budget.100 2026-12 1050"]);
    // A new month starts over; one charge crossing both sends both, in order.
    const jan = new Date(Date.UTC(2027, 0, 2, 10));
    await charge(team.id, owner.id, 1200, jan);
    await charge(team.id, owner.id, 10, jan);
    expect(await budgetTypes(endpoint.id)).toEqual([
      "budget.80 2026-12 800",
      "budget.100 2026-12 1050",
      "budget.80 2027-01 1200",
      "budget.100 2027-01 1200",
    ]);
    // (The charges are dated ahead of today's clock; so is this sweep.)
    await deliverDueNotifications(new Date(jan.getTime() + 1000), { teamId: team.id });
    expect(receiver.received.filter((r) => r.path === "/budget")).toHaveLength(4);
  });

  it("a team without a budget, or an endpoint not subscribed, gets no notice", async () => {
    const { owner, team } = await newTeam();
    const endpoint = await addEndpoint(owner.id, team.id, { url: receiver.url("/none"), events: ["video.failed"] });
    await charge(team.id, owner.id, 5000, new Date());
    await setTeamBudget(db, owner.id, team.id, 100);
    await charge(team.id, owner.id, 5000, new Date());
    expect(await deliveriesOf(endpoint.id)).toEqual([]);
  });
});

describe("video completed", () => {
  it("is sent once the video is archived, with its cost and a signature", async () => {
    const { owner, team } = await newTeam();
    const endpoint = await addEndpoint(owner.id, team.id, {
      url: receiver.url("/done"),
      events: ["video.completed", "video.failed"],
    });
    const { task } = await createVideoJob({
      teamId: team.id,
      userId: owner.id,
      idempotencyKey: key(),
      model: "sora-2",
      size: "720x1280",
      seconds: 4,
      prompt: "A paper boat on a puddle",
    });
    const row = await driveUntil(task.id, (r) => r.archiveStatus === "done");
    const deliveries = await deliveriesOf(endpoint.id);
    expect(deliveries.map((d) => d.type)).toEqual(["video.completed"]);
    await deliverDueNotifications(new Date(), { teamId: team.id });
    const [got] = receiver.received.filter((r) => r.path === "/done");
    expect(standardWebhookValid(endpoint.secret!, got!)).toBe(true);
    const body = JSON.parse(got!.body) as { type: string; data: { video: { id: string; costCents: number } } };
    expect(body).toMatchObject({
      type: "video.completed",
      data: { video: { id: task.id, costCents: row.charge!.amountCents } },
    });
  });
});

describe("video lost", () => {
  it("is sent when the archive gives up on a video past the provider's expiry, charged as billed", async () => {
    const { owner, team } = await newTeam();
    const endpoint = await addEndpoint(owner.id, team.id, { url: receiver.url("/lost"), events: ["video.lost"] });
    const { task } = await createVideoJob({
      teamId: team.id,
      userId: owner.id,
      idempotencyKey: key(),
      model: "sora-2",
      size: "720x1280",
      seconds: 4,
      prompt: "Gone before we could keep it",
    });
    // Polled to completion without archiving; then the download fails past the provider's expiry.
    for (let i = 0; i < 400 && (await taskRow(task.id)).status !== "completed"; i++) {
      await syncDueTasks({ taskIds: [task.id] });
      await new Promise((r) => setTimeout(r, 40));
    }
    await db.videoTask.update({ where: { id: task.id }, data: { providerExpiresAt: new Date(Date.now() - 1000) } });
    await setFaults("500@content");
    try {
      await archiveDueTasks({ taskIds: [task.id] });
    } finally {
      await clearFaults();
    }
    const row = await taskRow(task.id);
    expect(row.archiveStatus).toBe("lost");
    expect(row.charge?.amountCents).toBeGreaterThan(0);
    const deliveries = await deliveriesOf(endpoint.id);
    expect(deliveries.map((d) => d.type)).toEqual(["video.lost"]);
    await deliverDueNotifications(new Date(), { teamId: team.id });
    const [got] = receiver.received.filter((r) => r.path === "/lost");
    expect(JSON.parse(got!.body)).toMatchObject({
      type: "video.lost",
      data: { video: { id: task.id, status: "lost" } },
    });
  });
});
