// The multi-instance run's verdict (issue 12, item 5): checks from the simulator's call log and the
// database (read only), every video fetched through each instance, and the figures.
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import {
  charges,
  check,
  contentFetches,
  eventCounts,
  pollChecks,
  quantile,
  type Check,
  type ParsedCall,
  type readTasks,
} from "./checks";
import type { Cluster } from "./scenario";
import { pool } from "./processes";
import type { Viewers } from "./viewers";

const sha256 = (bytes: ArrayBuffer | Uint8Array) =>
  createHash("sha256")
    .update(bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes))
    .digest("hex");

/** Media of one task through one instance: the team check answers a 302 to S3; the bytes there. */
async function mediaThrough(
  c: Cluster,
  cookie: string,
  teamId: string,
  taskId: string,
  via: "a" | "b",
  variant: string,
) {
  const first = await fetch(`${c.direct[via]}/api/teams/${teamId}/videos/${taskId}/media/${variant}`, {
    headers: { cookie },
    redirect: "manual",
  });
  const location = first.headers.get("location");
  await first.arrayBuffer();
  if (first.status !== 302 || !location) return { status: first.status, sha: "", type: "" };
  const stored = await fetch(location);
  return {
    status: stored.status,
    sha: sha256(await stored.arrayBuffer()),
    type: stored.headers.get("content-type") ?? "",
  };
}

export type Outcome = {
  teamId: string;
  cookie: string;
  taskIds: string[];
  rows: Awaited<ReturnType<typeof readTasks>>;
  log: ParsedCall[];
  killAt: number;
  inFlight: string[];
  viewers: Viewers;
  finalViews: { id: string; status: string; archiveStatus: string }[][];
};

export async function report(c: Cluster, checks: Check[], o: Outcome): Promise<boolean> {
  const { rows, log } = o;
  const jobOf = new Map(rows.map((r) => [r.id, r.providerJobId ?? ""]));
  const jobIds = rows.map((r) => r.providerJobId ?? "").filter(Boolean);
  checks.push(
    check(
      rows.length === c.jobs && o.taskIds.every((id) => jobOf.has(id)),
      `${rows.length} tasks in the database for ${c.jobs} submits`,
    ),
  );
  const lost = rows.filter((r) => r.status !== "completed" || r.archiveStatus !== "done");
  checks.push(
    check(
      lost.length === 0,
      `0 lost or failed videos (${lost.length}: ${lost
        .map((r) => `${r.id} ${r.status}/${r.archiveStatus}`)
        .slice(0, 5)
        .join(", ")})`,
    ),
  );

  // Every job the provider made for the studio belongs to one task (none orphaned by the kill).
  const created = log.filter((x) => x.kind === "create" && x.created).map((x) => x.created!);
  const linked = new Set(jobIds.filter(Boolean));
  const orphans = created.filter((id) => !linked.has(id));
  checks.push(
    check(
      orphans.length === 0 && created.length === linked.size,
      `every upstream job belongs to one task (${created.length} created upstream, ${linked.size} linked, ${orphans.length} orphaned)`,
    ),
  );

  const intervalMs = 5_000 * c.pollScale;
  const toleranceMs = Math.round(intervalMs * 0.25);
  const polls = pollChecks(log, jobIds, intervalMs, toleranceMs);
  checks.push(
    check(
      polls.tooClose.length === 0,
      `0 polls beyond one per task per interval (${intervalMs} ms, tolerance ${toleranceMs} ms; closest two retrieves ${polls.minGap} ms apart; ${polls.tooClose.length} too close ${polls.tooClose.slice(0, 3).join(", ")})`,
    ),
  );

  // Media downloads: once per variant, unless the archive was retried or taken over from A.
  const events = await eventCounts(
    c.db,
    rows.map((r) => r.id),
  );
  const fetches = contentFetches(log);
  const unexplained: string[] = [];
  let refetches = 0;
  for (const r of rows) {
    for (const [key, list] of fetches) {
      if (!key.startsWith(`${r.providerJobId} `) || list.length <= 1) continue;
      refetches += list.length - 1;
      const takenOver = o.inFlight.includes(r.id) && list.some((x) => x.via === "a" && x.t < o.killAt);
      const retried = r.archiveAttempts > 1 || (events.get(r.id)?.archive_retry ?? 0) > 0;
      if (!takenOver && !retried) unexplained.push(`${key}: ${list.length} fetches`);
    }
  }
  checks.push(
    check(
      unexplained.length === 0,
      `each job's media fetched once per variant unless retried or taken over (${refetches} refetches, ${unexplained.length} unexplained ${unexplained.slice(0, 3).join(", ")})`,
    ),
  );

  const doubleArchived = rows.filter((r) => (events.get(r.id)?.archived ?? 0) !== 1);
  checks.push(
    check(
      doubleArchived.length === 0,
      `one archived event per task (${doubleArchived.length} tasks with another count)`,
    ),
  );
  const charged = await charges(c.db, o.teamId);
  const chargeOf = new Map(charged.map((x) => [x.taskId, x.amountCents]));
  const badCharge = rows.filter(
    (r) =>
      chargeOf.get(r.id) !== (r.billedCents ?? r.estimateCents) ||
      (events.get(r.id)?.charged ?? 0) !== 1 ||
      r.reservedCents !== 0,
  );
  checks.push(
    check(
      badCharge.length === 0 && charged.length === c.jobs,
      `one charge per task, of the billed amount (${charged.length} charges, ${badCharge.length} wrong)`,
    ),
  );

  // Every video through A and through B directly: 302 to S3, the simulator's bytes.
  const mediaFailures: string[] = [];
  await pool(rows, 6, async (r) => {
    if (!r.providerJobId) return void mediaFailures.push(`${r.id}: no provider job`);
    const expected = sha256(readFileSync(path.join(c.simDataDir, "media", r.providerJobId, "video.mp4")));
    for (const via of ["a", "b"] as const) {
      const video = await mediaThrough(c, o.cookie, o.teamId, r.id, via, "video");
      if (video.status !== 200 || video.sha !== expected)
        mediaFailures.push(`${r.id} video via ${via}: ${video.status}`);
      const poster = await mediaThrough(c, o.cookie, o.teamId, r.id, via, "thumbnail");
      if (poster.status !== 200 || !poster.type.startsWith("image/"))
        mediaFailures.push(`${r.id} poster via ${via}: ${poster.status}`);
    }
  });
  checks.push(
    check(
      mediaFailures.length === 0,
      `every video served from S3 through A and through B, byte for byte (${rows.length * 4} requests, ${mediaFailures.length} wrong ${mediaFailures.slice(0, 3).join(", ")})`,
    ),
  );

  const spread: Record<string, number> = {};
  for (const s of o.viewers.stats) for (const [k, n] of Object.entries(s.connections)) spread[k] = (spread[k] ?? 0) + n;
  const firstOn = (inst: string) => o.viewers.stats.filter((s) => Object.keys(s.connections)[0] === inst).length;
  const informed = o.viewers.stats.filter((s) => s.taskMessages > 0).length;
  const seeAll = o.finalViews.filter(
    (v) => v.length === c.jobs && v.every((x) => x.status === "completed" && x.archiveStatus === "done"),
  ).length;
  checks.push(
    check(
      firstOn("A") > 0 && firstOn("B") > 0,
      `${c.viewers} viewers spread over both instances (first stream on A: ${firstOn("A")}, on B: ${firstOn("B")}; streams ${JSON.stringify(spread)})`,
    ),
  );
  checks.push(
    check(
      informed === c.viewers && seeAll === c.viewers,
      `every viewer was pushed task changes (${informed}/${c.viewers}) and sees all ${c.jobs} archived at the end (${seeAll}/${c.viewers})`,
    ),
  );

  // Figures.
  const plan = (id: string) =>
    JSON.parse(readFileSync(path.join(c.simDataDir, "jobs", `${id}.json`), "utf8")) as {
      createdMs: number;
      plan: { queueMs: number; renderMs: number };
    };
  const delays = rows
    .filter((r) => r.archivedAt && r.providerJobId)
    .map((r) => {
      const p = plan(r.providerJobId!);
      return r.archivedAt!.getTime() - (p.createdMs + p.plan.queueMs + p.plan.renderMs);
    })
    .sort((a, b) => a - b);
  const takeover = o.inFlight.map((id) => {
    const at = rows.find((r) => r.id === id)?.archivedAt?.getTime();
    return at === undefined ? "not archived" : `${at - o.killAt} ms`;
  });
  const perJobCalls = jobIds.map((id) => log.filter((x) => x.jobId === id).length + 1);
  const avg = (xs: number[]) => (xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length)).toFixed(1);
  const viewerCalls = o.viewers.stats.reduce((a, s) => a + s.statusCalls, 0);
  console.log("\nFigures");
  console.log(
    `  jobs ${c.jobs}, viewers ${c.viewers}, poll scale ${c.pollScale} (shortest poll interval ${intervalMs} ms)`,
  );
  console.log(
    `  polls per job: mean ${avg(polls.perJob)}, max ${Math.max(...polls.perJob)}; upstream calls per job (create included): mean ${avg(perJobCalls)}, max ${Math.max(...perJobCalls)}`,
  );
  console.log(
    `  completion -> archived: p50 ${quantile(delays, 0.5)} ms, p95 ${quantile(delays, 0.95)} ms, max ${delays.at(-1)} ms`,
  );
  console.log(`  killed instance's archives (${o.inFlight.length}) finished ${takeover.join(", ")} after the kill`);
  console.log(
    `  viewers' status calls ${viewerCalls} (errors ${o.viewers.stats.reduce((a, s) => a + s.statusErrors, 0)}), stream breaks ${o.viewers.stats.reduce((a, s) => a + s.breaks, 0)}`,
  );
  console.log(
    `  upstream calls by instance: A ${log.filter((x) => x.via === "a").length}, B ${log.filter((x) => x.via === "b").length}`,
  );
  console.log("\nChecks");
  for (const x of checks) console.log(`  ${x.ok ? "ok  " : "FAIL"} ${x.text}`);
  return checks.every((x) => x.ok);
}
