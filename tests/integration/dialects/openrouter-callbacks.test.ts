import { createHmac } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { HttpError } from "@/lib/http/errors";
import { env } from "@/lib/env";
import { refreshCatalogueNow } from "@/lib/upstream/catalogue-admin";
import { ensureCallbackSecret } from "@/lib/upstream/connection-context";
import { pollDelayMs } from "@/lib/videos/poll-schedule";
import { CALLBACK_POLL_BACKOFF, receiveProviderCallback } from "@/lib/videos/provider-callback";
import { syncDueTasks } from "@/lib/videos/sync-video-status";
import { taskRow } from "../../support/video-harness";
import { control, openRouterTeam } from "./openrouter-support";

// Completion callbacks over real HTTP: the simulator's openrouter profile POSTs a signed delivery
// to the studio's callback route (served here by a plain Node server in front of the lib function, as app/api/callbacks/[dialect]/[connectionId]/route.ts calls it — the
// route itself runs in the browser test — at the origin the studio registers: AUTH_URL). No polling runs in these tests, so a
// task that completes got there through its callback. Forged, stale, unsigned and replayed
// deliveries are refused and change nothing.

type Captured = { path: string; headers: Record<string, string>; body: string; status: number };
const captured: Captured[] = [];
let server: Server;
let origin = "";

beforeAll(async () => {
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      void (async () => {
        const body = Buffer.concat(chunks).toString("utf8");
        const headers = Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, String(v)]));
        const url = `${origin}${req.url ?? "/"}`;
        const [, , , dialect = "", connectionId = ""] = new URL(url).pathname.split("/");
        let response: Response;
        try {
          const answer = await receiveProviderCallback(
            dialect,
            connectionId,
            {
              id: headers["webhook-id"] ?? null,
              timestamp: headers["webhook-timestamp"] ?? null,
              signature: headers["webhook-signature"] ?? null,
            },
            body,
          );
          response = Response.json(answer);
        } catch (error) {
          if (!(error instanceof HttpError)) throw error;
          response = error.toResponse();
        }
        captured.push({ path: new URL(url).pathname, headers, body, status: response.status });
        res.writeHead(response.status, { "content-type": "application/json" });
        res.end(await response.text());
      })();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  // The studio's public origin, where providers call back (read when a job is created).
  (env as { authUrl: string | undefined }).authUrl = origin;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

async function waitFor<T>(read: () => Promise<T>, done: (value: T) => boolean, ms = 30_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`timed out: ${JSON.stringify(value)}`);
    await sleep(50);
  }
}

function sign(secret: string, id: string, timestamp: number, body: string) {
  const key = Buffer.from(secret.replace(/^whsec_/, ""), "base64");
  return `v1,${createHmac("sha256", key).update(`${id}.${timestamp}.${body}`).digest("base64")}`;
}

async function deliver(path: string, headers: Record<string, string>, body: string) {
  return fetch(`${origin}${path}`, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body,
  });
}

describe("OpenRouter callbacks", () => {
  it("a signed callback completes the job without polling; replayed, forged, stale and unsigned ones are refused", async () => {
    const { owner, team, connectionId, submit } = await openRouterTeam();
    await refreshCatalogueNow(owner.id, team.id, connectionId);
    const { task } = await submit({ model: "alibaba/wan-2.6", size: "480x480", seconds: 5, prompt: "A heron" });
    const row = await waitFor(
      () => taskRow(task.id),
      (r) => r.status === "completed",
    );
    expect(row.lastCallbackAt).not.toBeNull();
    expect(row.pollCount).toBe(0);
    expect(row).toMatchObject({ archiveStatus: "pending", billedCents: 25 });
    expect(row.charge?.amountCents).toBe(25);
    const good = captured.find((c) => c.path.endsWith(`/${connectionId}`) && c.status === 200)!;
    expect(good.path).toBe(`/api/callbacks/openrouter/${connectionId}`);
    expect(await db.providerCallback.count({ where: { connectionId, taskId: task.id } })).toBe(1);
    const deliveries = (await control("callbacks")).deliveries as { jobId: string; status: number }[];
    expect(deliveries.filter((d) => d.jobId === row.providerJobId)).toEqual([
      expect.objectContaining({ status: 200, attempt: 1 }),
    ]);

    const pick = (h: Record<string, string>) => ({
      "webhook-id": h["webhook-id"]!,
      "webhook-timestamp": h["webhook-timestamp"]!,
      "webhook-signature": h["webhook-signature"]!,
    });
    // The same delivery again: refused as a replay.
    const replay = await deliver(good.path, pick(good.headers), good.body);
    expect(replay.status).toBe(409);
    // A changed body under the old signature, with a fresh id: forged.
    const forgedBody = good.body.replace(/"cost":[0-9.]+/, '"cost":0.01');
    const forged = await deliver(good.path, { ...pick(good.headers), "webhook-id": "msg_forged" }, forgedBody);
    expect(forged.status).toBe(401);
    expect(await forged.json()).toMatchObject({ error: { code: "bad_signature" } });
    // Signed with the right secret, but ten minutes old: stale.
    const secret = await ensureCallbackSecret(connectionId);
    const old = Math.floor(Date.now() / 1000) - 600;
    const stale = await deliver(
      good.path,
      {
        "webhook-id": "msg_stale",
        "webhook-timestamp": String(old),
        "webhook-signature": sign(secret, "msg_stale", old, good.body),
      },
      good.body,
    );
    expect(await stale.json()).toMatchObject({ error: { code: "stale" } });
    // No signature at all.
    const unsigned = await deliver(good.path, {}, good.body);
    expect(unsigned.status).toBe(401);
    // Another connection's path with a valid signature of this one: that connection's secret differs.
    const other = await openRouterTeam();
    await ensureCallbackSecret(other.connectionId);
    const now = Math.floor(Date.now() / 1000);
    const elsewhere = await deliver(
      `/api/callbacks/openrouter/${other.connectionId}`,
      {
        "webhook-id": "msg_elsewhere",
        "webhook-timestamp": String(now),
        "webhook-signature": sign(secret, "msg_elsewhere", now, good.body),
      },
      good.body,
    );
    expect(elsewhere.status).toBe(401);

    const after = await taskRow(task.id);
    expect(after.billedCents).toBe(25);
    expect(await db.charge.count({ where: { taskId: task.id } })).toBe(1);
    expect(await db.providerCallback.count({ where: { connectionId } })).toBe(1);
  });

  it("polling backs off while callbacks arrive", async () => {
    const { owner, team, connectionId, submit } = await openRouterTeam();
    await refreshCatalogueNow(owner.id, team.id, connectionId);
    const { task } = await submit({
      model: "google/veo-3.1",
      size: "1280x720",
      seconds: 8,
      prompt: "Slow [[stall:40]]",
    });
    const before = await taskRow(task.id);
    const secret = await ensureCallbackSecret(connectionId);
    const now = new Date();
    const body = JSON.stringify({ id: before.providerJobId, status: "in_progress", progress: 40 });
    const ts = Math.floor(now.getTime() / 1000);
    const answer = await receiveProviderCallback(
      "openrouter",
      connectionId,
      { id: "msg_progress", timestamp: String(ts), signature: sign(secret, "msg_progress", ts, body) },
      body,
      now,
    );
    expect(answer).toEqual({ applied: true, status: "in_progress" });
    const row = await taskRow(task.id);
    expect(row.progress).toBe(40);
    expect(row.lastCallbackAt?.getTime()).toBe(now.getTime());
    const usual = pollDelayMs(now.getTime() - row.createdAt.getTime());
    expect(row.nextPollAt!.getTime() - now.getTime()).toBe(usual * CALLBACK_POLL_BACKOFF);
    // The poll that comes due then keeps the longer step while callbacks are recent.
    const pollAt = new Date(row.nextPollAt!.getTime() + 1);
    await syncDueTasks({ taskIds: [task.id], now: pollAt });
    const polled = await taskRow(task.id);
    expect(polled.pollCount).toBe(1);
    const step = pollDelayMs(pollAt.getTime() - polled.createdAt.getTime());
    expect(polled.nextPollAt!.getTime() - pollAt.getTime()).toBe(step * CALLBACK_POLL_BACKOFF);
  });
});
