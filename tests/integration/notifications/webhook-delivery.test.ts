import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { deliverDueNotifications } from "@/lib/notifications/deliver";
import { enableWebhookEndpoint, listWebhookEndpoints, sendTestNotification } from "@/lib/notifications/endpoints";
import { DISABLE_AFTER_FAILURES, MAX_ATTEMPTS } from "@/lib/notifications/event-types";
import { createVideoJob } from "@/lib/videos/create-video-job";
import { failSubmission } from "@/lib/videos/send-create";
import { driveUntil, key, newTeam } from "../../support/video-harness";
import { addEndpoint, deliveriesOf, insertTask } from "./support/notification-fixtures";
import { dingtalkValid, feishuValid, standardWebhookValid, startReceiver } from "../../support/webhook-receiver";

// Webhooks end to end: a real event (a job the simulator refuses, a failed submit) writes the
// outbox in its transaction, the sweep's step sends it over HTTP to a receiver on 127.0.0.1
// that checks the signatures as a receiver would. Time is passed in, so backoff is exact.

let receiver: Awaited<ReturnType<typeof startReceiver>>;
beforeAll(async () => {
  receiver = await startReceiver();
});
afterAll(() => receiver.close());

const MINUTE = 60_000;
const forPath = (path: string) => receiver.received.filter((r) => r.path === path);

describe("webhook delivery", () => {
  it("a failed video reaches the team's Standard Webhooks endpoint, signed; another team's endpoint hears nothing", async () => {
    const ours = await newTeam("Ours");
    const theirs = await newTeam("Theirs");
    const mine = await addEndpoint(ours.owner.id, ours.team.id, {
      url: receiver.url("/ours"),
      events: ["video.failed"],
    });
    const other = await addEndpoint(theirs.owner.id, theirs.team.id, { url: receiver.url("/theirs") });
    expect(mine.secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    const row = await db.webhookEndpoint.findUniqueOrThrow({ where: { id: mine.id } });
    expect(JSON.stringify(row)).not.toContain(mine.secret!.slice(6));
    expect(JSON.stringify(row)).not.toContain("/ours");

    const { task } = await createVideoJob({
      teamId: ours.team.id,
      userId: ours.owner.id,
      idempotencyKey: key(),
      model: "sora-2",
      size: "720x1280",
      seconds: 4,
      prompt: "A city at night [[moderation]]",
    });
    await driveUntil(task.id, (r) => r.status === "failed");
    // Written with the failure, before anything was sent.
    const [pending] = await deliveriesOf(mine.id);
    expect(pending).toMatchObject({ type: "video.failed", status: "pending", attempts: 0 });
    expect(await deliveriesOf(other.id)).toEqual([]);

    expect(await deliverDueNotifications(new Date(), { teamId: ours.team.id })).toMatchObject({ sent: 1, failed: 0 });
    const [got] = forPath("/ours");
    expect(got).toBeDefined();
    expect(standardWebhookValid(mine.secret!, got!)).toBe(true);
    expect(standardWebhookValid(`whsec_${Buffer.alloc(32).toString("base64")}`, got!)).toBe(false);
    expect(got!.headers["webhook-id"]).toBe(pending!.id);
    const body = JSON.parse(got!.body) as { type: string; data: { video: { id: string; error: { code: string } } } };
    expect(body.type).toBe("video.failed");
    expect(body.data.video.id).toBe(task.id);
    expect(body.data.video.error.code).toBeTruthy();
    expect(await deliverDueNotifications(new Date(), { teamId: theirs.team.id })).toMatchObject({ sent: 0, failed: 0 });
    expect(forPath("/theirs")).toEqual([]);
    expect((await deliveriesOf(mine.id))[0]).toMatchObject({ status: "delivered", attempts: 1 });
    // Nothing is sent twice.
    expect(await deliverDueNotifications(new Date(), { teamId: ours.team.id })).toMatchObject({ sent: 0, failed: 0 });
  });

  it("DingTalk's signed URL, Feishu's timestamp and sign, WeCom markdown and Slack blocks, in Chinese", async () => {
    const { owner, team } = await newTeam("团队");
    const ding = await addEndpoint(owner.id, team.id, {
      url: `${receiver.url("/ding")}?access_token=abc`,
      format: "dingtalk",
      secret: "SECdingtalk-secret",
      locale: "zh-CN",
    });
    const fei = await addEndpoint(owner.id, team.id, {
      url: receiver.url("/feishu"),
      format: "feishu",
      secret: "feishu-secret",
      locale: "zh-CN",
    });
    const wecom = await addEndpoint(owner.id, team.id, {
      url: receiver.url("/wecom"),
      format: "wecom",
      locale: "zh-CN",
    });
    const slack = await addEndpoint(owner.id, team.id, { url: receiver.url("/slack"), format: "slack" });
    for (const e of [ding, fei, wecom, slack]) {
      expect(e.secret).toBeNull();
      expect(await sendTestNotification(db, owner.id, team.id, e.id)).toMatchObject({ ok: true, statusCode: 200 });
    }
    const [d] = forPath("/ding");
    expect(d!.query.get("access_token")).toBe("abc");
    expect(dingtalkValid("SECdingtalk-secret", d!)).toBe(true);
    expect(dingtalkValid("SECwrong", d!)).toBe(false);
    expect(JSON.parse(d!.body)).toMatchObject({ msgtype: "markdown", markdown: { title: "测试通知" } });
    const [f] = forPath("/feishu");
    expect(feishuValid("feishu-secret", f!)).toBe(true);
    expect(feishuValid("other", f!)).toBe(false);
    expect(JSON.parse(f!.body)).toMatchObject({ msg_type: "text" });
    expect((JSON.parse(f!.body) as { content: { text: string } }).content.text).toContain("测试通知");
    const [w] = forPath("/wecom");
    expect((JSON.parse(w!.body) as { markdown: { content: string } }).markdown.content).toMatch(/^### 测试通知/);
    const [s] = forPath("/slack");
    const slackBody = JSON.parse(s!.body) as { text: string; blocks: { type: string }[] };
    expect(slackBody.text).toContain("Test notification");
    expect(slackBody.blocks.map((b) => b.type)).toEqual(["header", "section"]);
  });

  it("retries after 500s with exponential backoff and logs every attempt", async () => {
    const { owner, team } = await newTeam();
    const endpoint = await addEndpoint(owner.id, team.id, { url: receiver.url("/retry") });
    const taskId = await insertTask(team.id, owner.id);
    await failSubmission(taskId, "invalid_request", "refused");
    const t0 = new Date();
    receiver.answerWith("/retry", 500, 500);
    await deliverDueNotifications(t0, { teamId: team.id });
    let [delivery] = await deliveriesOf(endpoint.id);
    expect(delivery).toMatchObject({ status: "pending", attempts: 1 });
    expect(delivery!.nextAttemptAt!.getTime() - t0.getTime()).toBe(30_000);
    // Not due yet: nothing is sent.
    await deliverDueNotifications(new Date(t0.getTime() + 20_000), { teamId: team.id });
    expect(forPath("/retry")).toHaveLength(1);
    const t1 = new Date(t0.getTime() + 30_000);
    await deliverDueNotifications(t1, { teamId: team.id });
    [delivery] = await deliveriesOf(endpoint.id);
    expect(delivery!.nextAttemptAt!.getTime() - t1.getTime()).toBe(60_000);
    const t2 = new Date(t1.getTime() + 60_000);
    await deliverDueNotifications(t2, { teamId: team.id });
    [delivery] = await deliveriesOf(endpoint.id);
    expect(delivery).toMatchObject({ status: "delivered", attempts: 3, nextAttemptAt: null });
    // The same message id on every attempt, so a receiver can drop repeats.
    expect(new Set(forPath("/retry").map((r) => r.headers["webhook-id"]))).toEqual(new Set([delivery!.id]));
    const [listed] = await listWebhookEndpoints(db, owner.id, team.id);
    expect(listed!.attempts.map((a) => [a.attempt, a.statusCode])).toEqual([
      [3, 200],
      [2, 500],
      [1, 500],
    ]);
    expect(listed!.attempts[2]!.error).toContain("HTTP 500");
    expect(listed!.attempts.every((a) => a.latencyMs >= 0)).toBe(true);
    expect(listed!.consecutiveFailures).toBe(0);
  });

  it(`gives a delivery up after ${MAX_ATTEMPTS} attempts and turns the endpoint off after ${DISABLE_AFTER_FAILURES} failures in a row`, async () => {
    const { owner, team } = await newTeam();
    const endpoint = await addEndpoint(owner.id, team.id, { url: receiver.url("/down") });
    receiver.answerWith("/down", ...Array<number>(40).fill(503));
    for (let i = 0; i < 3; i++) await failSubmission(await insertTask(team.id, owner.id), "refused", "no");
    let now = Date.now();
    for (let round = 0; round < 40; round++) {
      await deliverDueNotifications(new Date(now), { teamId: team.id });
      const row = await db.webhookEndpoint.findUniqueOrThrow({ where: { id: endpoint.id } });
      if (row.disabledAt) break;
      now += 70 * MINUTE;
    }
    const [listed] = await listWebhookEndpoints(db, owner.id, team.id);
    expect(listed!.disabledAt).not.toBeNull();
    // Three deliveries are sent in parallel per sweep, so the count may pass the limit in the last round.
    expect(listed!.consecutiveFailures).toBeGreaterThanOrEqual(DISABLE_AFTER_FAILURES);
    expect(listed!.consecutiveFailures).toBeLessThan(DISABLE_AFTER_FAILURES + 3);
    expect(listed!.disabledReason).toContain("HTTP 503");
    expect(await db.webhookAttempt.count({ where: { endpointId: endpoint.id } })).toBe(listed!.consecutiveFailures);
    const statuses = (await deliveriesOf(endpoint.id)).map((d) => d.status);
    expect(statuses).not.toContain("pending");
    expect(statuses).toContain("cancelled");
    expect(Math.max(...(await deliveriesOf(endpoint.id)).map((d) => d.attempts))).toBeLessThanOrEqual(MAX_ATTEMPTS);

    // Off: new events are not queued for it.
    await failSubmission(await insertTask(team.id, owner.id), "refused", "no");
    expect((await deliveriesOf(endpoint.id)).filter((d) => d.status === "pending")).toEqual([]);
    // Turned back on, with a clean count; the next event is sent.
    receiver.answerWith("/down");
    await enableWebhookEndpoint(db, owner.id, team.id, endpoint.id);
    expect(await db.webhookEndpoint.findUniqueOrThrow({ where: { id: endpoint.id } })).toMatchObject({
      disabledAt: null,
      consecutiveFailures: 0,
    });
    await failSubmission(await insertTask(team.id, owner.id), "refused", "no");
    expect(await deliverDueNotifications(new Date(now + 1000), { teamId: team.id })).toMatchObject({ sent: 1 });
  });

  it("keeps each endpoint's log bounded: the last 200 attempts, finished deliveries for 30 days", async () => {
    const { owner, team } = await newTeam();
    const endpoint = await addEndpoint(owner.id, team.id, { url: receiver.url("/log") });
    const longAgo = new Date(Date.now() - 40 * 86_400_000);
    const old = await db.webhookDelivery.create({
      data: {
        endpointId: endpoint.id,
        teamId: team.id,
        type: "test",
        payload: "{}",
        status: "delivered",
        createdAt: longAgo,
      },
    });
    const recent = await db.webhookDelivery.create({
      data: { endpointId: endpoint.id, teamId: team.id, type: "test", payload: "{}", status: "failed" },
    });
    await db.webhookAttempt.createMany({
      data: Array.from({ length: 250 }, (_, n) => ({
        endpointId: endpoint.id,
        deliveryId: recent.id,
        attempt: 1,
        statusCode: 500,
        latencyMs: 1,
        createdAt: new Date(Date.now() - 86_400_000 + n * 1000),
      })),
    });
    expect(await sendTestNotification(db, owner.id, team.id, endpoint.id)).toMatchObject({ ok: true });
    expect(await db.webhookAttempt.count({ where: { endpointId: endpoint.id } })).toBe(200);
    expect(await db.webhookDelivery.findUnique({ where: { id: old.id } })).toBeNull();
    expect(await db.webhookDelivery.findUnique({ where: { id: recent.id } })).not.toBeNull();
  });
});
