import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { TeamAccessError } from "@/lib/teams/authorize";
import { createVideoJob } from "@/lib/videos/create-video-job";
import { syncDueTasks } from "@/lib/videos/sync-video-status";
import { addTaskEvent } from "@/lib/videos/task-events";
import { taskEventStream } from "@/lib/videos/task-event-stream";
import { pushListenerCount, stopTaskPush, subscribeTeamTasks } from "@/lib/videos/task-push";
import { key, newTeam } from "../../support/video-harness";

// Push of task changes (issue 12, item 4; decision 110): ids only, after commit, per team, with
// `ready` on every connect, heartbeats and a bounded lifetime. Runs on SQLite (in-process) and on
// PostgreSQL (pg_notify + one LISTEN connection) alike.

afterAll(() => stopTaskPush());

type SseEvent = { event: string; data: string } | { comment: string };

/** Reads a text/event-stream body into events as they arrive. */
function sseReader(response: Response) {
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  let buffer = "";
  const events: SseEvent[] = [];
  let ended = false;
  const pump = (async () => {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      buffer += decoder.decode(value, { stream: true });
      let cut: number;
      while ((cut = buffer.indexOf("\n\n")) >= 0) {
        const block = buffer.slice(0, cut);
        buffer = buffer.slice(cut + 2);
        if (block.startsWith(":")) {
          events.push({ comment: block.slice(1).trim() });
          continue;
        }
        const lines = block.split("\n");
        const event = lines.find((l) => l.startsWith("event: "))?.slice(7) ?? "message";
        const data = lines.find((l) => l.startsWith("data: "))?.slice(6) ?? "";
        events.push({ event, data });
      }
    }
    ended = true;
  })();
  return {
    events,
    get ended() {
      return ended;
    },
    pump,
    cancel: () => reader.cancel(),
  };
}

async function until(check: () => boolean, what: string, ms = 5_000) {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

const taskIdsIn = (events: SseEvent[]) =>
  events.flatMap((e) => ("event" in e && e.event === "tasks" ? (JSON.parse(e.data) as { ids: string[] }).ids : []));

describe("task push", () => {
  it("streams `ready`, then the ids of this team's changed tasks, and nothing of another team's", async () => {
    const a = await newTeam();
    const b = await newTeam();
    const abort = new AbortController();
    const response = await taskEventStream({ teamId: a.team.id, userId: a.owner.id }, abort.signal);
    expect(response.headers.get("content-type")).toContain("text/event-stream");
    expect(response.headers.get("cache-control")).toBe("no-cache, no-transform");
    expect(response.headers.get("x-accel-buffering")).toBe("no");
    const stream = sseReader(response);
    await until(() => stream.events.some((e) => "event" in e && e.event === "ready"), "ready");
    await until(() => pushListenerCount(a.team.id) === 1, "the LISTEN subscription");
    if (env.databaseProvider === "postgresql") await new Promise((r) => setTimeout(r, 300)); // LISTEN in place

    const other = await createVideoJob({
      teamId: b.team.id,
      userId: b.owner.id,
      idempotencyKey: key(),
      model: "sora-2",
      size: "720x1280",
      seconds: 4,
      prompt: "Someone else's [[stall]]",
    });
    const mine = await createVideoJob({
      teamId: a.team.id,
      userId: a.owner.id,
      idempotencyKey: key(),
      model: "sora-2",
      size: "720x1280",
      seconds: 4,
      prompt: "Mine [[stall]]",
    });
    await until(() => taskIdsIn(stream.events).includes(mine.task.id), "my task's id");
    expect(taskIdsIn(stream.events)).not.toContain(other.task.id);
    // Ids only: no prompt, status or anything else of the task travels on the stream.
    for (const e of stream.events) if ("event" in e) expect(e.data).not.toContain("Mine");

    abort.abort();
    await stream.pump;
    expect(stream.ended).toBe(true);
    expect(pushListenerCount(a.team.id)).toBe(0);
  });

  it("a rolled-back change is never announced; a committed one is, once committed", async () => {
    const { owner, team } = await newTeam();
    const { task } = await createVideoJob({
      teamId: team.id,
      userId: owner.id,
      idempotencyKey: key(),
      model: "sora-2",
      size: "720x1280",
      seconds: 4,
      prompt: "Transactions [[stall]]",
    });
    const seen: string[][] = [];
    const stop = subscribeTeamTasks(team.id, { changed: (ids) => seen.push(ids), resync: () => {} });
    try {
      if (env.databaseProvider === "postgresql") await new Promise((r) => setTimeout(r, 300));
      await expect(
        db.$transaction(async (tx) => {
          await addTaskEvent(tx, task.id, { type: "note", message: "rolled back" });
          throw new Error("roll back");
        }),
      ).rejects.toThrow("roll back");
      await new Promise((r) => setTimeout(r, 500));
      // SQLite announces in-process at once (a re-read waits behind the open transaction and
      // sees the rollback); PostgreSQL drops the notification of a rolled-back transaction.
      if (env.databaseProvider === "postgresql") expect(seen).toEqual([]);
      seen.length = 0;

      await db.$transaction(async (tx) => {
        await addTaskEvent(tx, task.id, { type: "note", message: "kept" });
      });
      await until(() => seen.flat().includes(task.id), "the committed change");
    } finally {
      stop();
    }
  });

  it("a poll that moves a task is pushed; a burst of changes arrives as one message", async () => {
    const { owner, team } = await newTeam();
    const jobs = await Promise.all(
      [1, 2, 3].map((n) =>
        createVideoJob({
          teamId: team.id,
          userId: owner.id,
          idempotencyKey: key(),
          model: "sora-2",
          size: "720x1280",
          seconds: 4,
          prompt: `Quick ${n}`,
        }),
      ),
    );
    const seen: string[][] = [];
    const stop = subscribeTeamTasks(team.id, { changed: (ids) => seen.push(ids), resync: () => {} });
    try {
      if (env.databaseProvider === "postgresql") await new Promise((r) => setTimeout(r, 300));
      const ids = jobs.map((j) => j.task.id);
      const now = new Date(Date.now() + 60_000);
      await db.videoTask.updateMany({ where: { id: { in: ids } }, data: { nextPollAt: new Date(now.getTime() - 1) } });
      const polled = await syncDueTasks({ teamId: team.id, taskIds: ids, now });
      expect(polled.polled).toBe(3);
      await until(() => ids.every((id) => seen.flat().includes(id)), "all three tasks");
      // Three tasks changed within the coalescing window: fewer messages than changes.
      expect(seen.length).toBeLessThan(3 * 2);
    } finally {
      stop();
    }
  });

  it("sends heartbeats, ends after its lifetime, and refuses a non-member before streaming", async () => {
    const { owner, team } = await newTeam();
    const stranger = await newTeam();
    await expect(
      taskEventStream({ teamId: team.id, userId: stranger.owner.id }, new AbortController().signal),
    ).rejects.toBeInstanceOf(TeamAccessError);
    expect(pushListenerCount(team.id)).toBe(0);

    const response = await taskEventStream({ teamId: team.id, userId: owner.id }, new AbortController().signal, {
      heartbeatMs: 50,
      lifetimeMs: 400,
    });
    const stream = sseReader(response);
    await stream.pump;
    expect(stream.ended).toBe(true);
    expect(stream.events.filter((e) => "comment" in e).length).toBeGreaterThanOrEqual(3);
    expect(pushListenerCount(team.id)).toBe(0);
  });
});
