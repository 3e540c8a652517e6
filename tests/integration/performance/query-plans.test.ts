import { beforeAll, describe, expect, it } from "vitest";
import { KEEP_PREPARED } from "@/lib/db/pg-statements";
import { installRecordingDb, type PlanStep, type Recorded } from "./support/recording-db";
import { insertRows, seedVideos, RARE_EN, RARE_ZH, type SeededTeam } from "./support/seed-videos";

// Issue 11, item 1: every hot query uses an index. Seeds a few thousand tasks across teams, runs
// each hot query through the lib function that issues it, captures the SQL Prisma sends (with its
// arguments), asks the database for the plan of exactly that statement and fails on a full scan of
// the task table (or the ledger). SQLite: EXPLAIN QUERY PLAN after the statistics the app keeps
// (lib/db/statistics.ts); PostgreSQL: EXPLAIN after ANALYZE (autovacuum's job in production).
// Plans only, never timings: bench/gallery-queries.ts measures.

const recorder = installRecordingDb(process.env.DATABASE_URL!);
const { db } = recorder;
const { listVideos, readCardsByIds } = await import("@/lib/videos/list-videos");
const { videoStatuses } = await import("@/lib/videos/video-status");
const { runSweep } = await import("@/lib/videos/sweep");
const { listStuckJobs } = await import("@/lib/videos/stuck-jobs");
const { teamSpendReport } = await import("@/lib/spend/spend-queries");
const { keepStatistics } = await import("@/lib/db/statistics");
const { monthOf } = await import("@/lib/money/month");
const { selectMatching } = await import("@/lib/library/selection");
const { exportVideosZip } = await import("@/lib/library/zip-export");

const HOT_TABLES = new Set(["VideoTask", "Charge"]);
const now = new Date();
let big: SeededTeam;
let deepCursor: string;
let statusIds: string[];
let collectionId: string;

function cursorOf(createdAt: Date, id: string): string {
  return Buffer.from(JSON.stringify([createdAt.toISOString(), id])).toString("base64url");
}

beforeAll(async () => {
  const seeded = await seedVideos(db, recorder.postgres, {
    bigTeamTasks: 3_000,
    otherTeams: 4,
    otherTeamTasks: 1_000,
    now,
  });
  big = seeded.big;
  if (recorder.postgres)
    await db.$executeRawUnsafe(
      `ANALYZE "VideoTask", "Charge", "Membership", "Favourite", "Collection", "CollectionItem"`,
    );
  else expect(await keepStatistics(db, "sqlite", now)).toBe(true);
  const newest = await db.videoTask.findMany({
    where: { teamId: big.teamId, status: "completed", deletedAt: null },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: { id: true, createdAt: true },
    take: 2_500,
  });
  statusIds = newest.slice(0, 12).map((t) => t.id);
  // The library (issue 15, item 8): favourites of the owner and a colleague, and collections of a
  // few hundred videos spread over the team's history.
  const spread = newest.filter((_, i) => i % 7 === 0);
  const favourites = (userId: string, every: number) =>
    spread.filter((_, i) => i % every === 0).map((t) => ({ userId, taskId: t.id, teamId: big.teamId, createdAt: now }));
  await insertRows(
    db,
    "Favourite",
    [...favourites(big.ownerId, 2), ...favourites(big.quietMemberId, 3)],
    recorder.postgres,
  );
  const collections = ["Picks", "Ads", "Rejects"].map((name) => ({
    id: `plan-${name}-${big.teamId}`,
    teamId: big.teamId,
    name,
    createdById: big.ownerId,
    createdAt: now,
    updatedAt: now,
  }));
  await insertRows(db, "Collection", collections, recorder.postgres);
  collectionId = collections[0]!.id;
  await insertRows(
    db,
    "CollectionItem",
    collections.flatMap((c, n) =>
      newest
        .filter((_, i) => i % (5 + n) === 0)
        .map((t) => ({ collectionId: c.id, taskId: t.id, addedById: big.ownerId, createdAt: now })),
    ),
    recorder.postgres,
  );
  const deep = newest[newest.length - 1]!;
  deepCursor = cursorOf(deep.createdAt, deep.id);
}, 180_000);

type Case = { name: string; run: () => Promise<unknown>; dry?: boolean; statements?: number };

const viewer = () => ({ teamId: big.teamId, userId: big.ownerId });

const cases: Case[] = [
  // The status route: the cards by id (none due, so no poll).
  { name: "status route, 3 ids", run: () => videoStatuses(viewer(), statusIds.slice(0, 3)) },
  { name: "status route, 12 ids", run: () => videoStatuses(viewer(), statusIds) },
  {
    name: "cards by id",
    run: () => readCardsByIds({ ...viewer(), role: "OWNER" }, statusIds.slice(0, 5)),
  },
  // The sweep: due polls, due archives (beside the polls, and again after them), retention (dry:
  // the queries run, their rows are withheld).
  { name: "sweep (due polls, due archives, retention)", run: () => runSweep(now), dry: true, statements: 4 },
  { name: "gallery, first page", run: () => listVideos(viewer(), {}) },
  { name: "gallery, deep page", run: () => listVideos(viewer(), { cursor: deepCursor }) },
  { name: "gallery, completed", run: () => listVideos(viewer(), { status: "completed" }) },
  { name: "gallery, failed", run: () => listVideos(viewer(), { status: "failed" }) },
  { name: "gallery, in progress", run: () => listVideos(viewer(), { status: "active" }) },
  { name: "gallery, in progress, deep", run: () => listVideos(viewer(), { status: "active", cursor: deepCursor }) },
  { name: "gallery, common model", run: () => listVideos(viewer(), { model: "sora-2-pro" }) },
  { name: "gallery, rare model", run: () => listVideos(viewer(), { model: "sora-2-pro-hd" }) },
  {
    name: "gallery, mine (few of their own)",
    run: () => listVideos({ teamId: big.teamId, userId: big.quietMemberId }, { mine: true }),
  },
  { name: "gallery, search English", run: () => listVideos(viewer(), { q: RARE_EN }) },
  { name: "gallery, search Chinese", run: () => listVideos(viewer(), { q: RARE_ZH }) },
  { name: "gallery, search common word", run: () => listVideos(viewer(), { q: "piano" }) },
  {
    name: "gallery, search + filters + cursor",
    run: () => listVideos(viewer(), { q: "piano", status: "completed", model: "sora-2", cursor: deepCursor }),
  },
  { name: "gallery, search 2 characters", run: () => listVideos(viewer(), { q: "熊猫" }) },
  { name: "spend page, this month", run: () => teamSpendReport(big.ownerId, big.teamId, monthOf(now), now) },
  // The gallery library (issue 15, item 8): the new filters and the selection queries.
  { name: "gallery, favourites", run: () => listVideos(viewer(), { favourites: true }) },
  { name: "gallery, favourites, deep", run: () => listVideos(viewer(), { favourites: true, cursor: deepCursor }) },
  { name: "gallery, a collection", run: () => listVideos(viewer(), { collection: collectionId }) },
  {
    name: "gallery, a collection + favourites + completed",
    run: () => listVideos(viewer(), { collection: collectionId, favourites: true, status: "completed" }),
  },
  { name: "selection, all matching (completed)", run: () => selectMatching(viewer(), { status: "completed" }) },
  { name: "selection, all of a collection", run: () => selectMatching(viewer(), { collection: collectionId }) },
  { name: "selection, my favourites", run: () => selectMatching(viewer(), { favourites: true }) },
  {
    name: "zip, the selected cards",
    run: async () => (await exportVideosZip(viewer(), statusIds))?.body.cancel(),
    // One: the cards carry their stored size (videoBytes) for the zip's total.
    statements: 1,
  },
  // Team → Stuck jobs: the team's running tasks, as ranges of (teamId, status, createdAt, id).
  { name: "stuck jobs (admins)", run: () => listStuckJobs(viewer(), now) },
];

describe("hot queries use an index", () => {
  const report: string[] = [];

  it.each(cases)("$name", async ({ run, dry, statements: expected }) => {
    const statements = (await recorder.record(run, { dry })).filter((s) => touches(s));
    expect(statements.length).toBeGreaterThan(0);
    if (expected) expect(statements).toHaveLength(expected);
    const problems: string[] = [];
    for (const statement of statements) {
      const plans = [await recorder.explain(statement)];
      // A statement kept prepared on PostgreSQL may settle on its generic plan: that one too.
      if (recorder.postgres && statement.sql.endsWith(KEEP_PREPARED))
        plans.push(await recorder.explainGeneric(statement));
      for (const [i, plan] of plans.entries()) {
        const label = i === 0 ? "" : " (generic plan)";
        report.push(`${short(statement.sql)}${label}\n${plan.map((p) => `    ${p.text}`).join("\n")}`);
        const scans = plan.filter((p: PlanStep) => p.fullScan && p.relation && HOT_TABLES.has(p.relation));
        if (scans.length > 0) problems.push(`${statement.sql}${label}\n  ${plan.map((p) => p.text).join("\n  ")}`);
      }
    }
    expect(problems, problems.join("\n\n")).toEqual([]);
  });

  it("sees a full scan when there is one (the check is not vacuous)", async () => {
    const [statement] = (await recorder.record(() => db.videoTask.findFirst({ where: { size: "1x1" } }))).filter(
      touches,
    );
    const plan = await recorder.explain(statement!);
    expect(
      plan.some((p) => p.fullScan && p.relation === "VideoTask"),
      plan.map((p) => p.text).join("\n"),
    ).toBe(true);
    if (recorder.postgres) {
      const generic = await recorder.explainGeneric(statement!);
      expect(generic.some((p) => p.fullScan && p.relation === "VideoTask")).toBe(true);
    }
  });

  it("keeps the status route's two statements prepared, and no search", async () => {
    const status = await recorder.record(() => videoStatuses(viewer(), statusIds));
    expect(status.map((s) => s.sql.endsWith(KEEP_PREPARED))).toEqual([true, true]);
    const search = (await recorder.record(() => listVideos(viewer(), { q: "piano" }))).filter(touches);
    expect(search.length).toBeGreaterThan(0);
    expect(search.some((s) => s.sql.endsWith(KEEP_PREPARED))).toBe(false);
  });

  it("prints the plans", () => {
    console.log(`${recorder.postgres ? "PostgreSQL" : "SQLite"} plans:\n${report.join("\n")}`);
  });
});

function touches(statement: Recorded): boolean {
  return (
    /^\s*SELECT/i.test(statement.sql) && /\bFROM\s+[`"\w.]*?[`"]?(VideoTask|Charge)[`"]?(\s|$)/i.test(statement.sql)
  );
}

function short(sql: string): string {
  return sql.replace(/SELECT .*? FROM/s, "SELECT … FROM").slice(0, 400);
}
