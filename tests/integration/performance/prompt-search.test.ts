import { copyFileSync } from "node:fs";
import path from "node:path";
import { randomUUID } from "node:crypto";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { migrateDatabase, sqlitePath } from "@/lib/db/migrate";
import { env } from "@/lib/env";
import { listVideos, MIN_INDEXED_SEARCH, SHORT_SEARCH_WINDOW } from "@/lib/videos/list-videos";
import { insertRows } from "./support/seed-videos";
import { addMember, key, newTeam } from "../../support/video-harness";

// Issue 11, item 2: prompt search through the full-text indexes (SQLite FTS5 trigram kept by
// triggers, PostgreSQL pg_trgm GIN), English and Chinese, the short-query fallback, and the index
// kept in step with the tasks in the same transaction. Runs on both databases.

const sqlite = env.databaseProvider === "sqlite";

async function teamWithPrompts(prompts: string[], opts: { start?: number } = {}) {
  const { owner, team } = await newTeam();
  const base = (opts.start ?? Date.now() - 1_000_000) as number;
  const ids: string[] = [];
  for (const [i, prompt] of prompts.entries()) {
    const task = await db.videoTask.create({
      data: {
        teamId: team.id,
        createdById: owner.id,
        idempotencyKey: key(),
        channel: "simulator",
        model: i % 2 ? "sora-2-pro" : "sora-2",
        size: "720x1280",
        seconds: 4,
        prompt,
        status: i % 4 === 3 ? "failed" : "completed",
        estimateCents: 40,
        createdAt: new Date(base + i * 1000),
      },
    });
    ids.push(task.id);
  }
  return { viewer: { teamId: team.id, userId: owner.id }, owner, team, ids };
}

const found = async (viewer: { teamId: string; userId: string }, q: string, extra = {}) =>
  (await listVideos(viewer, { q, ...extra })).items.map((v) => v.prompt);

describe("prompt search", () => {
  it("finds English words anywhere in the prompt, any case, newest first, in this team only", async () => {
    const { viewer } = await teamWithPrompts([
      "A lighthouse keeper at dawn",
      "Aerial shot of a coastal city at night",
      "The old LIGHTHOUSE in a storm",
      "a keeper of bees",
    ]);
    await teamWithPrompts(["lighthouse of another team"]);
    expect(await found(viewer, "lighthouse")).toEqual(["The old LIGHTHOUSE in a storm", "A lighthouse keeper at dawn"]);
    expect(await found(viewer, "HOUSE KEEP")).toEqual(["A lighthouse keeper at dawn"]);
    expect(await found(viewer, "keeper")).toEqual(["a keeper of bees", "A lighthouse keeper at dawn"]);
    expect(await found(viewer, "city at")).toEqual(["Aerial shot of a coastal city at night"]);
    expect(await found(viewer, "submarine")).toEqual([]);
  });

  it("finds Chinese text (no spaces between words) and mixed text", async () => {
    const { viewer } = await teamWithPrompts([
      "一只猫在月球上跳舞",
      "夕阳下的长城航拍镜头",
      "雨夜里霓虹灯闪烁的上海街头 neon Shanghai",
      "熊猫在竹林里吃竹子",
      "灯塔看守人在暴风雨中点灯",
    ]);
    expect(await found(viewer, "月球上")).toEqual(["一只猫在月球上跳舞"]);
    expect(await found(viewer, "长城航拍")).toEqual(["夕阳下的长城航拍镜头"]);
    expect(await found(viewer, "上海街头 neon")).toEqual(["雨夜里霓虹灯闪烁的上海街头 neon Shanghai"]);
    expect(await found(viewer, "灯塔看守人")).toEqual(["灯塔看守人在暴风雨中点灯"]);
    expect(await found(viewer, "竹林里")).toEqual(["熊猫在竹林里吃竹子"]);
    expect(await found(viewer, "火星上")).toEqual([]);
  });

  it(`answers queries shorter than ${MIN_INDEXED_SEARCH} characters by scanning the team (fallback)`, async () => {
    const { viewer } = await teamWithPrompts(["一只猫在月球上跳舞", "熊猫在竹林里吃竹子", "a red ox", "Oxford street"]);
    expect(await found(viewer, "熊猫")).toEqual(["熊猫在竹林里吃竹子"]);
    expect(await found(viewer, "猫")).toEqual(["熊猫在竹林里吃竹子", "一只猫在月球上跳舞"]);
    expect(await found(viewer, "ox")).toEqual(["Oxford street", "a red ox"]);
    expect(await found(viewer, "  ")).toHaveLength(4); // blank: no search
  });

  it(`reads at most ${SHORT_SEARCH_WINDOW} videos per short-search request and goes on from where it stopped`, async () => {
    const { viewer, team, owner } = await teamWithPrompts(["the oldest zq clip", "a newer zq clip"], {
      start: Date.now() - 10_000_000,
    });
    // More than a window of newer videos without "zq", written the fast way (batched INSERTs).
    const now = Date.now();
    const filler = Array.from({ length: SHORT_SEARCH_WINDOW + 500 }, (_, i) => ({
      id: `${team.id}-f${i}`,
      teamId: team.id,
      createdById: owner.id,
      idempotencyKey: `${team.id}-f${i}`,
      channel: "simulator",
      model: "sora-2",
      size: "720x1280",
      seconds: 4,
      prompt: `filler video number ${i}`,
      status: "completed",
      estimateCents: 40,
      createdAt: new Date(now - 1_000_000 + i),
      updatedAt: new Date(now),
    }));
    await insertRows(db, "VideoTask", filler, !sqlite);
    const seen: string[] = [];
    const pages: number[] = [];
    let cursor: string | undefined;
    do {
      const page = await listVideos(viewer, { q: "zq", cursor });
      seen.push(...page.items.map((v) => v.prompt));
      pages.push(page.items.length);
      cursor = page.nextCursor ?? undefined;
    } while (cursor && pages.length < 10);
    // The first window holds only filler: an empty page with a cursor; the next finds both, newest first.
    expect(pages[0]).toBe(0);
    expect(pages.length).toBe(2);
    expect(seen).toEqual(["a newer zq clip", "the oldest zq clip"]);
    // A 3+ character search is not windowed: one request finds them.
    expect(await found(viewer, "zq clip")).toEqual(["a newer zq clip", "the oldest zq clip"]);
  });

  it("takes quotes, wildcards and FTS syntax in the query as text", async () => {
    const { viewer } = await teamWithPrompts([
      'she says "hello" twice',
      "100% real footage",
      "cats AND dogs NEAR the river*",
      "plain prompt",
    ]);
    expect(await found(viewer, '"hello"')).toEqual(['she says "hello" twice']);
    expect(await found(viewer, "100%")).toEqual(["100% real footage"]);
    expect(await found(viewer, "AND dogs NEAR")).toEqual(["cats AND dogs NEAR the river*"]);
    expect(await found(viewer, "river*")).toEqual(["cats AND dogs NEAR the river*"]);
    expect(await found(viewer, "NEAR(")).toEqual([]);
  });

  it("pages search results with the cursor and combines them with every filter", async () => {
    const prompts = Array.from({ length: 40 }, (_, i) => (i % 3 === 0 ? `piano solo ${i}` : `guitar ${i}`));
    const { viewer, team, ids } = await teamWithPrompts(prompts);
    const member = await addMember(team.id, "MEMBER");
    await db.videoTask.update({ where: { id: ids[38]! }, data: { createdById: member.id } }); // "guitar 38"
    await db.videoTask.update({ where: { id: ids[36]! }, data: { createdById: member.id } }); // "piano solo 36"
    await db.videoTask.update({ where: { id: ids[33]! }, data: { deletedAt: new Date() } }); // "piano solo 33"
    const expected = prompts
      .map((p, i) => ({ p, i }))
      .filter(({ p, i }) => p.includes("piano") && i !== 33)
      .reverse()
      .map(({ p }) => p);
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await listVideos(viewer, { q: "piano", limit: 4, cursor });
      seen.push(...page.items.map((v) => v.prompt));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toEqual(expected);
    // model: odd indexes are sora-2-pro; status: i % 4 === 3 failed; mine: the member's own.
    expect(await found(viewer, "piano", { model: "sora-2-pro" })).toEqual(
      expected.filter((p) => Number(p.split(" ").at(-1)) % 2 === 1),
    );
    expect(await found(viewer, "piano", { status: "failed" })).toEqual(
      expected.filter((p) => Number(p.split(" ").at(-1)) % 4 === 3),
    );
    expect(await found(viewer, "piano", { status: "active" })).toEqual([]);
    expect(await found({ teamId: team.id, userId: member.id }, "piano", { mine: true })).toEqual(["piano solo 36"]);
  });

  it("is kept in step with the tasks by the same transaction: insert, rollback, prompt change, delete", async () => {
    const { viewer, owner, team, ids } = await teamWithPrompts(["a quiet harbour at dawn"]);
    const data = (prompt: string) => ({
      teamId: team.id,
      createdById: owner.id,
      idempotencyKey: key(),
      channel: "simulator",
      model: "sora-2",
      size: "720x1280",
      seconds: 4,
      prompt,
      status: "queued",
      estimateCents: 40,
    });
    // Visible inside its own transaction, gone with its rollback.
    await expect(
      db.$transaction(async (tx) => {
        await tx.videoTask.create({ data: data("zeppelin over the harbour") });
        const inside = await tx.videoTask.count({ where: { teamId: team.id } });
        expect(inside).toBe(2);
        throw new Error("rollback");
      }),
    ).rejects.toThrow("rollback");
    expect(await found(viewer, "zeppelin")).toEqual([]);
    await db.videoTask.create({ data: data("zeppelin over the harbour") });
    expect(await found(viewer, "zeppelin")).toEqual(["zeppelin over the harbour"]);
    await db.videoTask.update({ where: { id: ids[0]! }, data: { prompt: "a busy harbour at noon" } });
    expect(await found(viewer, "quiet")).toEqual([]);
    expect(await found(viewer, "busy harbour")).toEqual(["a busy harbour at noon"]);
    // Deleting the team removes its tasks by cascade; their search entries go with them.
    await db.team.delete({ where: { id: team.id } });
    if (sqlite) {
      const rows = await db.$queryRawUnsafe<{ n: number | bigint }[]>(
        `SELECT count(*) AS n FROM "VideoTaskSearch" WHERE "VideoTaskSearch" MATCH ?`,
        '"zeppelin over"',
      );
      expect(Number(rows[0]!.n)).toBe(0);
      // The FTS index agrees with its content table, row for row.
      await db.$executeRawUnsafe(
        `INSERT INTO "VideoTaskSearch"("VideoTaskSearch", rank) VALUES ('integrity-check', 1)`,
      );
    }
  });

  it.runIf(sqlite)("refuses to start when a migration dropped the search triggers", async () => {
    const { viewer } = await teamWithPrompts(["an owl in the library"]);
    const copy = path.join(path.dirname(sqlitePath(env.databaseUrl)), `${randomUUID()}.db`);
    await db.$executeRawUnsafe("PRAGMA wal_checkpoint(TRUNCATE)");
    copyFileSync(sqlitePath(env.databaseUrl), copy);
    const file = new Database(copy);
    file.exec(`DROP TRIGGER "VideoTaskSearch_update"`);
    file.close();
    await expect(migrateDatabase(`file:${copy}`)).rejects.toThrow(/VideoTaskSearch_update/);
    expect(await found(viewer, "owl in the")).toEqual(["an owl in the library"]);
  });
});
