// Issue 11, item 6: the status route (what every open gallery tab calls every few seconds) at 64
// connections next to a trivial route of the same server (`/api/auth/csrf`), on a team of
// 100,000 videos, through `next start` of a production build. Prints figures; asserts nothing.
//
//   npx tsx --conditions=react-server bench/status-route.ts [videos=100000] [seconds=10] [connections=64]
//   DATABASE_URL=$(PG_TEST_DB=bench_status bash scripts/ensure-postgres.sh | tail -1) \
//     npx tsx --conditions=react-server bench/status-route.ts            # PostgreSQL (a database of its own)
//
// Builds into .next-bench when the sources changed (scripts/start.ts, as `npm start`). The status
// request asks for 12 cards (a full gallery row set), none due for a poll (their polls are
// coalesced by the engine's lease whatever the number of viewers: bench/status-polling.ts). The
// session is a real Auth.js cookie, signed with the server's AUTH_SECRET.
import { spawn } from "node:child_process";
import { Agent } from "node:http";
import { randomBytes } from "node:crypto";
import { mkdirSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { encode } from "next-auth/jwt";
import { load } from "./support/http-load";
import { processTreeCpuMs } from "./support/process-cpu";

const videos = Number(process.argv[2] ?? 100_000);
const seconds = Number(process.argv[3] ?? 10);
const connections = Number(process.argv[4] ?? 64);
const port = 3590 + Math.floor(Math.random() * 200);
const scratch = mkdtempSync(path.join(tmpdir(), "studio-bench-status-"));
const dataDir = path.join(scratch, "data");
const url = process.env.DATABASE_URL ?? `file:${path.join(dataDir, "studio.db")}`;
const postgres = !url.startsWith("file:");
const secret = randomBytes(32).toString("hex");
process.env.DATABASE_URL = url;
process.env.STUDIO_DATA_DIR = dataDir;
process.env.STUDIO_SWEEP = "off";
mkdirSync(dataDir, { recursive: true });

const { migrateDatabase } = await import("../lib/db/migrate");
await migrateDatabase(url);
const { createDb } = await import("../lib/db/client");
const db = createDb(url);
const { seedVideos } = await import("../tests/integration/performance/support/seed-videos");
const { keepStatistics } = await import("../lib/db/statistics");
const now = new Date();
const t0 = performance.now();
const { big } = await seedVideos(db, postgres, { bigTeamTasks: videos, otherTeams: 3, otherTeamTasks: 3_000, now });
if (postgres) await db.$executeRawUnsafe("ANALYZE");
else await keepStatistics(db, "sqlite", now);
const ids = (
  await db.videoTask.findMany({
    where: { teamId: big.teamId, status: "completed", deletedAt: null },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: { id: true },
    take: 12,
  })
).map((t) => t.id);
await db.$disconnect();
console.log(
  `${postgres ? "PostgreSQL" : "SQLite"}: ${videos} videos in one team + 3 × 3000 in others, seeded in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
);

// The server as `npm start` runs it (the engine's sweep on, as in production).
const server = spawn("npx", ["tsx", "scripts/start.ts"], {
  cwd: path.resolve(import.meta.dirname, ".."),
  env: {
    ...process.env,
    PORT: String(port),
    AUTH_SECRET: secret,
    STUDIO_DIST_DIR: ".next-bench",
    STUDIO_SWEEP: "on",
    // e.g. BENCH_SERVER_NODE_OPTIONS="--cpu-prof --cpu-prof-dir=/tmp/prof --require ./bench/support/exit-on-signal.cjs"
    // to profile the server (`next start` dies of SIGTERM without writing its profile).
    ...(process.env.BENCH_SERVER_NODE_OPTIONS ? { NODE_OPTIONS: process.env.BENCH_SERVER_NODE_OPTIONS } : {}),
  },
  stdio: ["ignore", "pipe", "pipe"],
  detached: true,
});
let serverLog = "";
server.stdout.on("data", (d: Buffer) => (serverLog += d.toString()));
server.stderr.on("data", (d: Buffer) => (serverLog += d.toString()));
const stop = () => {
  try {
    process.kill(-server.pid!, "SIGTERM");
  } catch {
    // already gone
  }
};
process.on("exit", stop);

async function ready(): Promise<void> {
  const until = Date.now() + 15 * 60_000;
  while (Date.now() < until) {
    if (server.exitCode !== null) throw new Error(`the server exited:\n${serverLog.slice(-3000)}`);
    try {
      if ((await fetch(`http://127.0.0.1:${port}/api/auth/csrf`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 1000));
  }
  throw new Error("the server did not start");
}
await ready();

const cookieName = "authjs.session-token";
const token = await encode({
  token: { sub: big.ownerId, name: big.ownerId, email: `${big.ownerId}@seed.test` },
  secret,
  salt: cookieName,
});
const cookie = { cookie: `${cookieName}=${token}` };
const statusPath = `/api/teams/${big.teamId}/videos/status?ids=${ids.join(",")}`;
const check = await fetch(`http://127.0.0.1:${port}${statusPath}`, { headers: cookie });
const body = (await check.json()) as { items?: unknown[] };
if (check.status !== 200 || body.items?.length !== 12)
  throw new Error(`status route answered ${check.status} with ${JSON.stringify(body).slice(0, 200)}`);

// BENCH_CASES=status (or trivial, gallery; comma-separated) measures only those: a server
// profile of one route alone.
const only = process.env.BENCH_CASES?.split(",");
const cases = [
  { key: "trivial", name: "trivial: GET /api/auth/csrf", path: "/api/auth/csrf", headers: {} },
  { key: "status", name: "status route, 12 ids (signed in)", path: statusPath, headers: cookie },
  {
    key: "gallery",
    name: "gallery page, 24 cards (signed in)",
    path: `/api/teams/${big.teamId}/videos`,
    headers: cookie,
  },
].filter((c) => !only || only.includes(c.key));
// One set of keep-alive connections per case, opened in the warm-up and kept for its slices.
const agents = cases.map(() => new Agent({ keepAlive: true, maxSockets: connections }));
for (const [i, c] of cases.entries()) await load(port, c.path, c.headers, 2, connections, agents[i]); // warm-up
// Interleaved slices (2 s of each case, round after round), so the machine's other load falls on
// every case alike: ratios from the same minutes, not from different ones.
const rounds = Math.max(1, Math.round(seconds / 2));
console.log(
  `${connections} connections, ${rounds} rounds of 2 s per case, interleaved, keep-alive; server: next start (production build)`,
);
const totals = cases.map(() => ({
  requests: 0,
  seconds: 0,
  cpuMs: 0,
  p50s: [] as number[],
  p99s: [] as number[],
  status: 0,
}));
for (let round = 0; round < rounds; round++)
  for (const [i, c] of cases.entries()) {
    const cpuBefore = processTreeCpuMs(server.pid!);
    const r = await load(port, c.path, c.headers, 2, connections, agents[i]);
    const t = totals[i]!;
    t.cpuMs += processTreeCpuMs(server.pid!) - cpuBefore;
    t.requests += r.rate * 2;
    t.seconds += 2;
    t.p50s.push(r.p50);
    t.p99s.push(r.p99);
    t.status = r.status;
  }
const median = (xs: number[]) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)]!;
const trivialRate = totals[0]!.requests / totals[0]!.seconds;
const trivialCpu = totals[0]!.cpuMs / totals[0]!.requests;
// "server CPU": the server's processes' own CPU per request (the load generator shares the cores).
for (const [i, c] of cases.entries()) {
  const t = totals[i]!;
  const rate = t.requests / t.seconds;
  const cpu = t.cpuMs / t.requests;
  const ratio =
    i > 0 && cases[0]!.key === "trivial"
      ? `  ${(rate / trivialRate).toFixed(2)}× trivial (server CPU ${(cpu / trivialCpu).toFixed(2)}×)`
      : "";
  console.log(
    `${c.name.padEnd(38)} ${rate.toFixed(0).padStart(6)} req/s  p50 ${median(t.p50s).toFixed(1)} ms  p99 ${median(t.p99s).toFixed(1)} ms  server CPU ${cpu.toFixed(2)} ms/req  status ${t.status}${ratio}`,
  );
}
for (const agent of agents) agent.destroy();
// Wait (up to 15 s) for the server to be gone: a `--cpu-prof` profile is written as it exits.
const exited = new Promise((resolve) => server.on("exit", resolve));
stop();
await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 15_000))]);
process.exit(0);
