// How many upstream polls do many viewers cause? Starts a real simulator and a fresh SQLite
// database, submits active jobs, then lets simulated viewers ask for status as a page would.
// Prints figures; asserts nothing. Run: npx tsx --conditions=react-server bench/status-polling.ts [viewers] [seconds]
// (the react-server condition lets `import "server-only"` load outside Next).
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { randomUUID } from "node:crypto";

const viewers = Number(process.argv[2] ?? 50);
const seconds = Number(process.argv[3] ?? 10);
const scratch = mkdtempSync(path.join(tmpdir(), "studio-bench-"));
process.env.STUDIO_DATA_DIR = path.join(scratch, "data");
process.env.DATABASE_URL = `file:${path.join(scratch, "bench.db")}`;
process.env.STORAGE_DIR = path.join(scratch, "media");
process.env.STUDIO_SWEEP = "off";
process.env.STUDIO_POLL_SCALE = "0.2"; // 1 s between polls of a young job

const { startStandaloneSimulator } = await import("../lib/simulator/standalone");
const sim = await startStandaloneSimulator({ dataDir: path.join(scratch, "sim"), timeScale: 1, log: () => undefined });
process.env.SIMULATOR_BASE_URL = `${sim.url}/v1`;
const { migrateDatabase } = await import("../lib/db/migrate");
await migrateDatabase(process.env.DATABASE_URL);
const { db } = await import("../lib/db");
const { createUserWithTeam } = await import("../lib/auth/sign-up");
const { createVideoJob } = await import("../lib/videos/create-video-job");
const { syncDueTasks } = await import("../lib/videos/sync-video-status");

const { user, team } = await createUserWithTeam(
  db,
  { name: "Bench", email: `bench-${randomUUID()}@x.test`, password: "password-1" },
  "Bench",
  "en",
);
const ids: string[] = [];
for (let i = 0; i < 12; i++) {
  const { task } = await createVideoJob({
    teamId: team.id,
    userId: user.id,
    idempotencyKey: randomUUID(),
    model: "sora-2",
    size: "720x1280",
    seconds: 12,
    prompt: `bench ${i} [[stall]]`,
  });
  ids.push(task.id);
}
await fetch(`${sim.url}/__simulator/reset-stats`, { method: "POST" });

const latencies: number[] = [];
let requests = 0;
const end = Date.now() + seconds * 1000;
await Promise.all(
  Array.from({ length: viewers }, async (_, v) => {
    await new Promise((r) => setTimeout(r, (v * 37) % 500));
    while (Date.now() < end) {
      const t0 = performance.now();
      await syncDueTasks({ teamId: team.id, taskIds: ids });
      latencies.push(performance.now() - t0);
      requests++;
      await new Promise((r) => setTimeout(r, 500)); // a page refreshing twice a second
    }
  }),
);
const stats = (await (await fetch(`${sim.url}/__simulator/stats`)).json()) as { byEndpoint: Record<string, number> };
latencies.sort((a, b) => a - b);
const pct = (p: number) =>
  latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))]!.toFixed(1);
const retrieves = stats.byEndpoint.retrieve ?? 0;
console.log(`viewers: ${viewers}, duration: ${seconds} s, active jobs: ${ids.length}, poll interval: 1 s`);
console.log(`status requests served: ${requests} (each covering ${ids.length} jobs)`);
console.log(`upstream retrieves: ${retrieves} (one poll per viewer per job would be ${requests * ids.length})`);
console.log(`upstream retrieves per job per second: ${(retrieves / ids.length / seconds).toFixed(2)} (bound: 1.00)`);
console.log(
  `status call latency ms: p50 ${pct(50)}, p95 ${pct(95)}, max ${latencies[latencies.length - 1]!.toFixed(1)}`,
);
await sim.close();
await db.$disconnect();
