// What the multi-instance run must show, read from the simulator's call log (every upstream call,
// with the instance that made it and when it arrived) and the database (read only). Each check is
// a line of the report; any failed check makes the harness exit 1.
import type pg from "pg";
import type { UpstreamCall } from "./simulator";

export type Check = { ok: boolean; text: string };
export const check = (ok: boolean, text: string): Check => ({ ok, text });

export type TaskRow = {
  id: string;
  providerJobId: string | null;
  status: string;
  archiveStatus: string;
  archivedAt: Date | null;
  archiveAttempts: number;
  billedCents: number | null;
  estimateCents: number;
  reservedCents: number;
};

export async function readTasks(db: pg.Client, teamId: string): Promise<TaskRow[]> {
  const { rows } = await db.query<TaskRow>(
    `SELECT id, "providerJobId", status, "archiveStatus", "archivedAt", "archiveAttempts", "billedCents",
            "estimateCents", "reservedCents" FROM "VideoTask" WHERE "teamId" = $1`,
    [teamId],
  );
  return rows;
}

/** An upstream call, parsed: which job, which endpoint. */
export type ParsedCall = UpstreamCall & {
  jobId: string | null;
  kind: "create" | "retrieve" | "content" | "other";
  variant?: string;
};

export function parseCall(call: UpstreamCall): ParsedCall {
  const url = new URL(call.path, "http://x");
  const content = /^\/v1\/videos\/([^/]+)\/content$/.exec(url.pathname);
  if (content && call.method === "GET")
    return { ...call, jobId: content[1]!, kind: "content", variant: url.searchParams.get("variant") ?? "video" };
  const retrieve = /^\/v1\/videos\/([^/]+)$/.exec(url.pathname);
  if (retrieve && call.method === "GET") return { ...call, jobId: retrieve[1]!, kind: "retrieve" };
  if (url.pathname === "/v1/videos" && call.method === "POST") return { ...call, jobId: null, kind: "create" };
  return { ...call, jobId: null, kind: "other" };
}

export function quantile(sorted: number[], q: number): number {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
}

/**
 * Polls: no two retrieves of one job closer than the shortest poll interval, less a tolerance.
 * The engine schedules the next poll from the time it took the task (before its request leaves);
 * the simulator stamps arrival. A request delayed on its way (a busy event loop on a loaded 2-core
 * machine) arrives late, and the gap to the next one looks shorter by that delay, never by more.
 */
export function pollChecks(calls: ParsedCall[], jobIds: string[], intervalMs: number, toleranceMs: number) {
  const byJob = new Map<string, ParsedCall[]>(jobIds.map((id) => [id, []]));
  for (const c of calls) if (c.kind === "retrieve" && c.jobId && byJob.has(c.jobId)) byJob.get(c.jobId)!.push(c);
  const tooClose: string[] = [];
  let minGap = Infinity;
  for (const [id, times] of byJob) {
    times.sort((a, b) => a.t - b.t);
    for (let i = 1; i < times.length; i++) {
      const gap = times[i]!.t - times[i - 1]!.t;
      minGap = Math.min(minGap, gap);
      if (gap < intervalMs - toleranceMs)
        tooClose.push(`${id.slice(-8)}: ${gap} ms (${times[i - 1]!.via}, ${times[i]!.via})`);
    }
  }
  const perJob = [...byJob.values()].map((t) => t.length);
  return { tooClose, minGap, perJob };
}

/** Media downloads per job and variant, and which instance made them. */
export function contentFetches(calls: ParsedCall[]) {
  const fetches = new Map<string, ParsedCall[]>();
  for (const c of calls) {
    if (c.kind !== "content" || !c.jobId) continue;
    const key = `${c.jobId} ${c.variant}`;
    fetches.set(key, [...(fetches.get(key) ?? []), c]);
  }
  return fetches;
}

export async function eventCounts(db: pg.Client, taskIds: string[]) {
  const { rows } = await db.query<{ taskId: string; type: string; n: string }>(
    `SELECT "taskId", type, count(*) AS n FROM "VideoTaskEvent" WHERE "taskId" = ANY($1) GROUP BY 1, 2`,
    [taskIds],
  );
  const counts = new Map<string, Record<string, number>>();
  for (const r of rows) counts.set(r.taskId, { ...(counts.get(r.taskId) ?? {}), [r.type]: Number(r.n) });
  return counts;
}

export async function charges(db: pg.Client, teamId: string) {
  const { rows } = await db.query<{ taskId: string; amountCents: number }>(
    `SELECT "taskId", "amountCents" FROM "Charge" WHERE "teamId" = $1`,
    [teamId],
  );
  return rows;
}
