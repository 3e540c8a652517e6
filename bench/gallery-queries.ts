// Issue 11: each hot query at 100,000 videos, through the lib function the app calls, next to the
// raw SQL of the same query. Seeds a fresh database (batched INSERTs), keeps statistics as the app
// does, then times each case. Prints figures; asserts nothing (the plans are checked by
// tests/integration/performance/query-plans.test.ts).
//
//   npx tsx --import ./bench/support/server-only-off.mjs bench/gallery-queries.ts [videos=100000] [runs=40]
//   DATABASE_URL=$(PG_TEST_DB=bench_gallery bash scripts/ensure-postgres.sh | tail -1) \
//     npx tsx --import ./bench/support/server-only-off.mjs bench/gallery-queries.ts        # PostgreSQL (a database of its own)
//
// "route" is what a team route does after decoding the session cookie: authorizeSignedIn (user,
// membership and team in one statement), then the lib call with that checked actor (the cards in
// one joined statement, DTOs); "raw" replays the statements on the task and charge tables the
// call sent, with the same arguments, straight to the driver adapter (no Prisma, no DTOs, no
// membership read).
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

const videos = Number(process.argv[2] ?? 100_000);
const runs = Number(process.argv[3] ?? 40);
const scratch = mkdtempSync(path.join(tmpdir(), "studio-bench-gallery-"));
process.env.DATABASE_URL ??= `file:${path.join(scratch, "bench.db")}`;
process.env.STUDIO_DATA_DIR = path.join(scratch, "data");
process.env.STORAGE_DIR = path.join(scratch, "media");
process.env.STUDIO_SWEEP = "off";
const url = process.env.DATABASE_URL;
const postgres = !url.startsWith("file:");

const { migrateDatabase } = await import("../lib/db/migrate");
await migrateDatabase(url);
const { installRecordingDb } = await import("../tests/integration/performance/support/recording-db");
const recorder = installRecordingDb(url);
const { db } = recorder;
const { seedVideos, RARE_EN, RARE_ZH } = await import("../tests/integration/performance/support/seed-videos");
const { listVideos } = await import("../lib/videos/list-videos");
const { authorizeSignedIn } = await import("../lib/teams/authorize");
const { videoStatuses } = await import("../lib/videos/video-status");
const { runSweep } = await import("../lib/videos/sweep");
const { teamSpendReport } = await import("../lib/spend/spend-queries");
const { keepStatistics } = await import("../lib/db/statistics");
const { monthOf } = await import("../lib/money/month");

const now = new Date();
let t0 = performance.now();
const { big } = await seedVideos(db, postgres, { bigTeamTasks: videos, otherTeams: 3, otherTeamTasks: 3_000, now });
const seededMs = performance.now() - t0;
t0 = performance.now();
if (postgres) await db.$executeRawUnsafe("ANALYZE");
else await keepStatistics(db, "sqlite", now);
const statsMs = performance.now() - t0;
console.log(
  `${postgres ? "PostgreSQL" : "SQLite"}: ${videos} videos in one team + 3 × 3000 in others; seeded in ${(seededMs / 1000).toFixed(1)} s, statistics in ${statsMs.toFixed(0)} ms; ${runs} runs per case`,
);

const completed = await db.videoTask.findMany({
  where: { teamId: big.teamId, status: "completed", deletedAt: null },
  orderBy: [{ createdAt: "desc" }, { id: "desc" }],
  select: { id: true, createdAt: true },
  take: Math.floor(videos * 0.9),
});
const ids = completed.slice(0, 12).map((t) => t.id);
const deep = completed[completed.length - 1]!;
const deepCursor = Buffer.from(JSON.stringify([deep.createdAt.toISOString(), deep.id])).toString("base64url");
type Actor = NonNullable<Awaited<ReturnType<typeof authorizeSignedIn>>>;
/** As teamRoute: the signed-in user checked for the team, then one lib call with that actor. */
const asRoute = (userId: string, run: (actor: Actor) => Promise<unknown>) => async (): Promise<unknown> =>
  run((await authorizeSignedIn(db, userId, big.teamId, "videos.read"))!);
const owner = (run: (actor: Actor) => Promise<unknown>) => asRoute(big.ownerId, run);

type Case = { name: string; run: () => Promise<unknown>; dry?: boolean };
const cases: Case[] = [
  { name: "status route, 3 ids", run: owner((a) => videoStatuses(a, ids.slice(0, 3))) },
  { name: "status route, 12 ids", run: owner((a) => videoStatuses(a, ids)) },
  { name: "sweep queries (rows withheld)", run: () => runSweep(now), dry: true },
  { name: "gallery, first page", run: owner((a) => listVideos(a, {})) },
  {
    name: `gallery, page ${Math.floor(videos * 0.9).toLocaleString("en")} deep`,
    run: owner((a) => listVideos(a, { cursor: deepCursor })),
  },
  { name: "gallery, completed", run: owner((a) => listVideos(a, { status: "completed" })) },
  { name: "gallery, failed", run: owner((a) => listVideos(a, { status: "failed" })) },
  { name: "gallery, in progress", run: owner((a) => listVideos(a, { status: "active" })) },
  { name: "gallery, rare model (0.5%)", run: owner((a) => listVideos(a, { model: "sora-2-pro-hd" })) },
  {
    name: "gallery, mine (0.25%)",
    run: asRoute(big.quietMemberId, (a) => listVideos(a, { mine: true })),
  },
  { name: `search "${RARE_EN}" (0.1%)`, run: owner((a) => listVideos(a, { q: RARE_EN })) },
  { name: `search "${RARE_ZH}" (0.1%)`, run: owner((a) => listVideos(a, { q: RARE_ZH })) },
  { name: 'search "piano" (8%)', run: owner((a) => listVideos(a, { q: "piano" })) },
  { name: 'search "月球上" (17%)', run: owner((a) => listVideos(a, { q: "月球上" })) },
  { name: 'search "submarine" (none)', run: owner((a) => listVideos(a, { q: "submarine" })) },
  { name: 'search "熊猫" (2 chars, 17%)', run: owner((a) => listVideos(a, { q: "熊猫" })) },
  { name: 'search "zq" (2 chars, none)', run: owner((a) => listVideos(a, { q: "zq" })) },
  // The spend page is a page, not a route: it reads the membership itself.
  { name: "spend page, this month", run: () => teamSpendReport(big.ownerId, big.teamId, monthOf(now), now) },
];

const onTasks = (sql: string) => /\bFROM\s+[`"\w.]*?[`"]?(VideoTask|Charge)[`"]?(\s|$)/i.test(sql);
function pct(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}
const fmt = (ms: number) => ms.toFixed(2).padStart(7);

console.log(
  `${"case".padEnd(34)} ${"route p50".padStart(7)} ${"route p95".padStart(7)} ${"raw p50".padStart(7)} ${"raw p95".padStart(7)}  route/raw  statements (on tasks)`,
);
for (const c of cases) {
  const statements = await recorder.record(c.run, { dry: c.dry });
  const raw = statements.filter((s) => onTasks(s.sql));
  const lib: number[] = [];
  const direct: number[] = [];
  for (let i = 0; i < runs + 3; i++) {
    let start = performance.now();
    if (c.dry) await recorder.record(c.run, { dry: true });
    else await c.run();
    const libMs = performance.now() - start;
    start = performance.now();
    for (const s of raw) await recorder.replay(s);
    const rawMs = performance.now() - start;
    if (i >= 3) {
      lib.push(libMs);
      direct.push(rawMs);
    }
  }
  const ratio = pct(lib, 50) / Math.max(pct(direct, 50), 0.001);
  console.log(
    `${c.name.padEnd(34)} ${fmt(pct(lib, 50))} ${fmt(pct(lib, 95))} ${fmt(pct(direct, 50))} ${fmt(pct(direct, 95))}  ${ratio.toFixed(1).padStart(6)}×  ${statements.length} (${raw.length})`,
  );
}
await db.$disconnect();
