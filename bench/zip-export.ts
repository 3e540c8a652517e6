// Issue 15, item 8: zipping a hundred archived videos streams with flat memory. Writes N videos
// of M MB into a scratch storage folder (one SQLite team, rows as the archive leaves them), then,
// in the same run and interleaved: "raw" reads every stored file through lib/storage
// (openStoredMedia, the same 256 KB chunks) and drops the bytes; "zip" drains the whole
// exportVideosZip() stream (the route's body: CRC-32, SHA-256, zip headers, manifests). Prints RSS
// before, the highest RSS sampled every 50 ms while streaming, and after, and the throughput of
// each with the zip/raw ratio. Prints figures; asserts nothing.
//
//   npx tsx --conditions=react-server bench/zip-export.ts [videos=100] [mb=8] [rounds=2]
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

const videos = Number(process.argv[2] ?? 100);
const mb = Number(process.argv[3] ?? 8);
const rounds = Number(process.argv[4] ?? 2);

const scratch = mkdtempSync(path.join(tmpdir(), "studio-bench-zip-"));
process.env.DATABASE_URL = `file:${path.join(scratch, "bench.db")}`;
process.env.STUDIO_DATA_DIR = path.join(scratch, "data");
process.env.STORAGE_DIR = path.join(scratch, "media");
process.env.STUDIO_SWEEP = "off";

const { migrateDatabase } = await import("../lib/db/migrate");
await migrateDatabase(process.env.DATABASE_URL);
const { db } = await import("../lib/db");
const { createUserWithTeam } = await import("../lib/auth/sign-up");
const { writeMediaAtomically, mediaRelativePath, openStoredMedia } = await import("../lib/storage/media-store");
const { exportVideosZip } = await import("../lib/library/zip-export");

const { user, team } = await createUserWithTeam(
  db,
  { name: "Bench", email: `bench-${Date.now()}@example.test`, password: "password-123" },
  "Bench team",
  "en",
);
const connection = await db.providerConnection.findFirstOrThrow({ where: { teamId: team.id } });
const chunk = Buffer.alloc(1024 * 1024);
for (let i = 0; i < chunk.length; i++) chunk[i] = (i * 2654435761) >>> 24; // not one repeated byte
const ids: string[] = [];
for (let n = 0; n < videos; n++) {
  const task = await db.videoTask.create({
    data: {
      teamId: team.id,
      createdById: user.id,
      idempotencyKey: `bench-${n}`,
      connectionId: connection.id,
      channel: "simulator",
      model: "sora-2",
      size: "1280x720",
      seconds: 8,
      prompt: `Bench take ${n}: a harbour at dawn`,
      status: "completed",
      progress: 100,
      estimateCents: 80,
      archiveStatus: "done",
      completedAt: new Date(),
    },
    select: { id: true },
  });
  const relative = mediaRelativePath(team.id, task.id, "video");
  const bytes = await writeMediaAtomically(
    relative,
    (function* () {
      for (let left = mb; left > 0; left--) yield chunk;
    })(),
    () => undefined,
  );
  await db.videoTask.update({ where: { id: task.id }, data: { videoPath: relative, videoBytes: bytes } });
  ids.push(task.id);
}
const paths = await db.videoTask.findMany({
  where: { id: { in: ids } },
  select: { videoPath: true, thumbnailPath: true, spritesheetPath: true, referenceImagePath: true },
});
const actor = { teamId: team.id, userId: user.id };
const totalMb = videos * mb;

const rssMb = () => process.memoryUsage().rss / 1_048_576;
const gc = (globalThis as { gc?: () => void }).gc;

async function drain(body: ReadableStream<Uint8Array>): Promise<number> {
  const reader = body.getReader();
  let bytes = 0;
  for (let next = await reader.read(); !next.done; next = await reader.read()) bytes += next.value.byteLength;
  return bytes;
}

async function measure(name: string, run: () => Promise<number>) {
  gc?.();
  const before = rssMb();
  let peak = before;
  const sampler = setInterval(() => (peak = Math.max(peak, rssMb())), 50);
  const started = performance.now();
  const bytes = await run();
  const seconds = (performance.now() - started) / 1000;
  clearInterval(sampler);
  peak = Math.max(peak, rssMb());
  gc?.();
  const after = rssMb();
  return { name, bytes, seconds, mbps: bytes / 1_048_576 / seconds, before, peak, after };
}

const raw = () =>
  measure("raw read", async () => {
    let bytes = 0;
    for (const task of paths) bytes += await drain((await openStoredMedia(task, "video", null))!.body!);
    return bytes;
  });
const zip = () => measure("zip stream", async () => drain((await exportVideosZip(actor, ids))!.body));

console.log(`${videos} videos × ${mb} MB = ${totalMb} MB stored; node ${process.version}; gc ${gc ? "on" : "off"}`);
console.log("round  case        MB/s   seconds  RSS before  RSS peak  RSS after  (MB)");
const ratios: number[] = [];
for (let round = 1; round <= rounds; round++) {
  const r = await raw();
  const z = await zip();
  ratios.push(z.mbps / r.mbps);
  for (const x of [r, z])
    console.log(
      `${String(round).padStart(5)}  ${x.name.padEnd(10)} ${x.mbps.toFixed(0).padStart(6)} ${x.seconds.toFixed(2).padStart(9)} ${x.before.toFixed(0).padStart(11)} ${x.peak.toFixed(0).padStart(9)} ${x.after.toFixed(0).padStart(10)}`,
    );
  if (z.bytes < totalMb * 1_048_576) throw new Error("the zip is shorter than its videos");
}
console.log(`zip / raw throughput: ${ratios.map((r) => r.toFixed(2)).join(", ")}`);
await db.$disconnect();
rmSync(scratch, { recursive: true, force: true });
