// Does the engine keep up? (issue 12, item 3.) Submits N jobs at once to a real simulator over
// HTTP and lets the studio's real background engine (lib/engine: pg-boss on PostgreSQL, the sweep
// on SQLite or with STUDIO_ENGINE=sweep, on their production intervals) poll and archive them, then prints, per N: the delay from the provider completing a job to our copy being
// archived (median, p95, max), how late polls were against their schedule, and upstream calls per
// job. SQLite by default; PostgreSQL when DATABASE_URL says so (use a database of its own:
// `DATABASE_URL=$(PG_TEST_DB=bench_engine bash scripts/ensure-postgres.sh | tail -1)`).
//
//   npx tsx --import ./bench/support/server-only-off.mjs bench/engine-throughput.ts [sizes=10,100,500] [timeScale=3]
//
// BENCH_SIMULATOR=process runs the simulator in a process of its own (as a provider is: elsewhere);
// by default it shares the studio's event loop, which then also pays for serving every download.
//
// The simulator renders a job's media with ffmpeg on first demand; 500 renders would measure the
// simulator, not the engine. The bench renders one job and hard-links its files into every other
// job's media folder before they complete (the renderer then finds them in place), so the studio
// still downloads, checks and stores every file and makes every poster itself.
import { linkSync, mkdirSync, mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { randomUUID } from "node:crypto";
import { spawn } from "node:child_process";
import { once } from "node:events";

const sizes = (process.argv[2] ?? "10,100,500").split(",").map(Number);
// At 3 a sora-2 4 s job runs 54–66 s (lib/simulator/job-clock.ts), longer than 500 submits take,
// so all 500 are running at once (the "peak" column says how many were); at 0.25 (5 s) a job
// completed before the 100th was submitted.
const timeScale = Number(process.argv[3] ?? 3);
const scratch = mkdtempSync(path.join(tmpdir(), "studio-engine-"));
const postgres = Boolean(process.env.DATABASE_URL && !process.env.DATABASE_URL.startsWith("file:"));
process.env.STUDIO_DATA_DIR = path.join(scratch, "data");
process.env.DATABASE_URL ||= `file:${path.join(scratch, "bench.db")}`;
process.env.STORAGE_DIR = path.join(scratch, "media");
process.env.STUDIO_SWEEP = "on";

const simDir = path.join(scratch, "sim");
const sim = process.env.BENCH_SIMULATOR === "process" ? await simulatorProcess() : await simulatorHere();
process.env.SIMULATOR_BASE_URL = `${sim.url}/v1`;
const { migrateDatabase } = await import("../lib/db/migrate");
await migrateDatabase(process.env.DATABASE_URL);
const { db } = await import("../lib/db");
const { env } = await import("../lib/env");
const { createUserWithTeam } = await import("../lib/auth/sign-up");
const { createVideoJob } = await import("../lib/videos/create-video-job");
const { startEngine, stopEngine } = await import("../lib/engine");

async function simulatorHere() {
  const { startStandaloneSimulator } = await import("../lib/simulator/standalone");
  return startStandaloneSimulator({ dataDir: simDir, timeScale, log: () => undefined });
}

/** `npm run simulator` on a free port, with the same data folder (the bench reads its job files). */
async function simulatorProcess() {
  const child = spawn(process.execPath, ["--import", "tsx", "lib/simulator/standalone.ts"], {
    env: {
      ...process.env,
      PORT: "0",
      SIMULATOR_DATA_DIR: simDir,
      SIMULATOR_TIME_SCALE: String(timeScale),
      SIMULATOR_CONTROL: "on",
    },
    stdio: ["ignore", "pipe", "inherit"],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let seen = "";
    child.stdout.on("data", (chunk: Buffer) => {
      seen += chunk.toString();
      const found = /listening on (http:\/\/\S+)/.exec(seen);
      if (found) resolve(found[1]!);
    });
    child.once("exit", (code) => reject(new Error(`simulator exited (${code}) before listening`)));
  });
  return {
    url,
    close: async () => {
      child.kill("SIGTERM");
      await once(child, "exit");
    },
  };
}

type SimJob = { id: string; createdMs: number; plan: { queueMs: number; renderMs: number } };
const readSimJob = (id: string) => JSON.parse(readFileSync(path.join(simDir, "jobs", `${id}.json`), "utf8")) as SimJob;
const completedAtMs = (job: SimJob) => job.createdMs + job.plan.queueMs + job.plan.renderMs;

function quantile(sorted: number[], q: number): number {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
}

async function pool<T>(items: T[], width: number, run: (item: T) => Promise<void>) {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(width, items.length) }, async () => {
      while (next < items.length) await run(items[next++] as T);
    }),
  );
}

/** Files of one rendered job, which every other job borrows (see the header). */
let template = "";
function shareMedia(jobIds: string[]) {
  for (const id of jobIds) {
    const dir = path.join(simDir, "media", id);
    mkdirSync(dir, { recursive: true });
    for (const name of readdirSync(template)) {
      try {
        linkSync(path.join(template, name), path.join(dir, name));
      } catch {
        // already there
      }
    }
  }
}

const { user, team } = await createUserWithTeam(
  db,
  { name: "Bench", email: `bench-${randomUUID()}@x.test`, password: "password-1" },
  "Bench",
  "en",
);

console.log(
  `engine throughput on ${postgres ? "PostgreSQL" : "SQLite"} with ${env.engine} (STUDIO_ENGINE), simulator ` +
    `${process.env.BENCH_SIMULATOR === "process" ? "in its own process" : "in this process"}, time scale ${timeScale}, ` +
    `poll scale ${env.pollScale}, ${env.pollConcurrency} polls and ${env.archiveConcurrency} archives at a time`,
);
console.log(
  "jobs  peak  submit s  all archived s  completion→archived ms: p50     p95     max   polls/job  calls/job  lost",
);

/** The most jobs running upstream at one moment (created, not yet completed). */
function peakRunning(jobs: SimJob[]): number {
  const edges = jobs.flatMap((j) => [
    [j.createdMs, 1],
    [completedAtMs(j), -1],
  ]);
  edges.sort((a, b) => a[0]! - b[0]! || a[1]! - b[1]!);
  let running = 0;
  let peak = 0;
  for (const [, step] of edges) peak = Math.max(peak, (running += step!));
  return peak;
}

// The template: one job, completed and fetched once (the simulator renders it then).
{
  const { task } = await createVideoJob({
    teamId: team.id,
    userId: user.id,
    idempotencyKey: randomUUID(),
    model: "sora-2",
    size: "720x1280",
    seconds: 4,
    prompt: "Engine bench template",
  });
  const jobId = (await db.videoTask.findUniqueOrThrow({ where: { id: task.id } })).providerJobId!;
  await new Promise((r) => setTimeout(r, Math.max(0, completedAtMs(readSimJob(jobId)) - Date.now() + 100)));
  const content = await fetch(`${sim.url}/v1/videos/${jobId}/content`, {
    headers: { authorization: `Bearer ${env.simulatorKey()}` },
  });
  if (!content.ok) throw new Error(`template content: HTTP ${content.status}`);
  await content.arrayBuffer();
  template = path.join(simDir, "media", jobId);
}

if ((await startEngine(env.engine)) !== env.engine) throw new Error(`${env.engine} did not start`);
for (const n of sizes) {
  await fetch(`${sim.url}/__simulator/reset-stats`, { method: "POST" });
  const t0 = Date.now();
  const taskIds: string[] = [];
  await pool(
    Array.from({ length: n }, (_, i) => i),
    16,
    async (i) => {
      const { task } = await createVideoJob({
        teamId: team.id,
        userId: user.id,
        idempotencyKey: randomUUID(),
        model: "sora-2",
        size: "720x1280",
        seconds: 4,
        prompt: `Engine bench ${n}/${i}`,
      });
      taskIds.push(task.id);
      // Shared at once: a job completing before the last submit would otherwise be rendered by
      // the simulator's ffmpeg, measuring that instead of the engine.
      const { providerJobId } = await db.videoTask.findUniqueOrThrow({
        where: { id: task.id },
        select: { providerJobId: true },
      });
      if (providerJobId) shareMedia([providerJobId]);
    },
  );
  const submitS = (Date.now() - t0) / 1000;
  const rows = await db.videoTask.findMany({
    where: { id: { in: taskIds } },
    select: { id: true, providerJobId: true },
  });
  const jobIds = rows.map((r) => r.providerJobId).filter((id): id is string => Boolean(id));

  // Wait until every task is archived (or lost/failed), up to 15 minutes.
  const deadline = Date.now() + 15 * 60_000;
  let pending = n;
  while (Date.now() < deadline) {
    pending = await db.videoTask.count({
      where: { id: { in: taskIds }, NOT: { archiveStatus: { in: ["done", "lost"] } }, status: { not: "failed" } },
    });
    if (pending === 0) break;
    await new Promise((r) => setTimeout(r, 250));
  }
  const allS = (Date.now() - t0) / 1000;
  const done = await db.videoTask.findMany({
    where: { id: { in: taskIds } },
    select: {
      providerJobId: true,
      archivedAt: true,
      archiveStatus: true,
      pollCount: true,
      // When the studio learned of the completion (the poll that saw it).
      events: { where: { type: "status", status: "completed" }, select: { createdAt: true }, take: 1 },
    },
  });
  const archivedRows = done.filter((t) => t.archivedAt && t.providerJobId);
  const delays = archivedRows
    .map((t) => t.archivedAt!.getTime() - completedAtMs(readSimJob(t.providerJobId!)))
    .sort((a, b) => a - b);
  // The two halves of the delay: completion → our poll sees it, and that poll → our copy saved.
  const found = archivedRows
    .filter((t) => t.events[0])
    .map((t) => t.events[0]!.createdAt.getTime() - completedAtMs(readSimJob(t.providerJobId!)))
    .sort((a, b) => a - b);
  const saved = archivedRows
    .filter((t) => t.events[0])
    .map((t) => t.archivedAt!.getTime() - t.events[0]!.createdAt.getTime())
    .sort((a, b) => a - b);
  const stats = (await (await fetch(`${sim.url}/__simulator/stats`)).json()) as {
    byJob: Record<string, Record<string, number>>;
  };
  const calls = jobIds.map((id) => Object.values(stats.byJob[id] ?? {}).reduce((a, b) => a + b, 0));
  const polls = done.reduce((a, t) => a + t.pollCount, 0) / n;
  const lost = done.filter((t) => t.archiveStatus === "lost").length;
  console.log(
    `${String(n).padStart(4)}  ${String(peakRunning(jobIds.map(readSimJob))).padStart(4)}  ${submitS.toFixed(1).padStart(8)}  ${allS.toFixed(1).padStart(14)}  ` +
      `${quantile(delays, 0.5).toFixed(0).padStart(30)} ${quantile(delays, 0.95).toFixed(0).padStart(7)} ` +
      `${(delays.at(-1) ?? NaN).toFixed(0).padStart(7)}   ${polls.toFixed(1).padStart(9)}  ` +
      `${(calls.reduce((a, b) => a + b, 0) / Math.max(1, calls.length)).toFixed(1).padStart(9)}  ${lost}` +
      (pending ? `  (${pending} not archived after 15 min)` : ""),
  );
  console.log(
    `      of which completion→seen by a poll p50 ${quantile(found, 0.5).toFixed(0)} p95 ${quantile(found, 0.95).toFixed(0)} ms; ` +
      `seen→saved p50 ${quantile(saved, 0.5).toFixed(0)} p95 ${quantile(saved, 0.95).toFixed(0)} max ${(saved.at(-1) ?? NaN).toFixed(0)} ms`,
  );
}
await stopEngine();
await sim.close();
await db.$disconnect();
process.exit(0);
