// The multi-instance scenario (issue 12, item 5), against the running cluster only: HTTP through
// nginx or to one instance, the simulator's call log, the database read-only for assertions.
import { randomUUID } from "node:crypto";
import { writeFileSync } from "node:fs";
import path from "node:path";
import type pg from "pg";
import { exerciseServerActions } from "./browser";
import { check, parseCall, readTasks, type Check } from "./checks";
import { pool, sleep } from "./processes";
import { report } from "./report";
import type { UpstreamCall } from "./simulator";
import { Viewers } from "./viewers";

export type Cluster = {
  base: string;
  direct: { a: string; b: string };
  simulator: string;
  simDataDir: string;
  db: pg.Client;
  pollScale: number;
  jobs: number;
  viewers: number;
  who: (addr: string) => string;
  step: (text: string) => void;
  kill: () => Promise<void>;
  restart: () => Promise<void>;
};

const calls = async (c: Cluster) =>
  ((await (await fetch(`${c.simulator}/__harness/calls`)).json()) as UpstreamCall[]).map(parseCall);

export async function runScenario(c: Cluster): Promise<boolean> {
  const checks: Check[] = [];
  const browser = await exerciseServerActions(c.base, c.who);
  for (const a of browser.checks) {
    const expected = a.page === "A" ? "B" : "A";
    checks.push(
      check(
        a.page.length === 1 && a.action === expected && a.actionStatuses.every((s) => s < 400),
        `server action "${a.name}": page from ${a.page || "?"}, action answered by ${a.action || "?"} (HTTP ${a.actionStatuses.join(", ")})`,
      ),
    );
  }
  const { teamId, cookie, token } = browser;
  c.step(`browser: signed up and made an API token across instances (team ${teamId})`);

  const taskIds: string[] = [];
  const viewers = new Viewers(c.base, teamId, cookie, taskIds, c.who);
  viewers.start(c.viewers);
  await sleep(1_000);

  // Kill A while it is archiving, once every job is submitted (a submit cut by the kill is the
  // crash-recovery tests' subject, decision 006, and its reconciliation takes minutes): the
  // simulator saw A download a job's media and the database does not have that job archived yet.
  // Restart it 3 s later.
  let killAt = 0;
  let inFlight: string[] = [];
  let submitted = false;
  let killDeadline = Infinity;
  const killer = (async () => {
    for (;;) {
      if (killAt || (submitted && Date.now() > killDeadline)) break;
      if (!submitted) {
        await sleep(200);
        continue;
      }
      const recent = (await calls(c)).filter((x) => x.kind === "content" && x.via === "a" && x.t > Date.now() - 3_000);
      const rows = await readTasks(c.db, teamId);
      const archivingOnA = rows.filter(
        (r) => r.archiveStatus !== "done" && recent.some((x) => x.jobId === r.providerJobId),
      );
      if (submitted && archivingOnA.length > 0) {
        killAt = Date.now();
        await c.kill();
        const after = await readTasks(c.db, teamId);
        const touchedByA = new Set(
          (await calls(c)).filter((x) => x.kind === "content" && x.via === "a").map((x) => x.jobId),
        );
        inFlight = after.filter((r) => r.archiveStatus !== "done" && touchedByA.has(r.providerJobId)).map((r) => r.id);
        const archived = after.filter((r) => r.archiveStatus === "done").length;
        c.step(
          `SIGKILL instance A while archiving: ${inFlight.length} archive(s) of A in flight, ${archived}/${c.jobs} archived, ${taskIds.length} submitted`,
        );
        await sleep(3_000);
        await c.restart();
        c.step("instance A restarted");
      } else await sleep(100);
    }
  })();
  const submitStart = Date.now();
  const submitUpstreams: Record<string, number> = {};
  const submitRetries: string[] = [];
  await pool(
    Array.from({ length: c.jobs }, (_, i) => i),
    4,
    async (i) => {
      // A client that lost its answer, or got a 5xx, sends the same create again (as the OpenAI SDK
      // does): the Idempotency-Key makes it one job. Every 5xx is counted and printed.
      const key = randomUUID();
      let response: Response | undefined;
      for (let attempt = 1; !response; attempt++) {
        response = await fetch(`${c.base}/api/v1/videos`, {
          method: "POST",
          headers: { authorization: `Bearer ${token}`, "content-type": "application/json", "idempotency-key": key },
          body: JSON.stringify({ model: "sora-2", prompt: `Multi-instance job ${i}`, size: "720x1280", seconds: "4" }),
        }).catch((error: unknown) => {
          if (attempt >= 5) throw error;
          submitRetries.push(`network error: ${String(error)}`);
          return undefined;
        });
        if (response && response.status >= 500 && attempt < 5) {
          submitRetries.push(`HTTP ${response.status}: ${(await response.text()).replace(/\s+/g, " ").slice(0, 120)}`);
          response = undefined;
          await sleep(1_000 * attempt);
        }
      }
      const upstream = c.who(response.headers.get("x-harness-upstream") ?? "?");
      submitUpstreams[upstream] = (submitUpstreams[upstream] ?? 0) + 1;
      const body = (await response.json()) as { id?: string; error?: { message: string } };
      if (!response.ok || !body.id) throw new Error(`submit ${i}: HTTP ${response.status} ${JSON.stringify(body)}`);
      taskIds.push(body.id);
    },
  );
  submitted = true;
  killDeadline = Date.now() + 120_000;
  for (const r of submitRetries) console.log(`  WARN submit retried after ${r}`);
  c.step(
    `submitted ${taskIds.length} jobs through nginx in ${((Date.now() - submitStart) / 1000).toFixed(1)} s (${JSON.stringify(submitUpstreams)})`,
  );
  await killer;
  checks.push(
    check(
      killAt > 0 && inFlight.length > 0,
      `instance A killed while archiving (${inFlight.length} of its archives in flight)`,
    ),
  );

  const waitDeadline = Date.now() + Number(process.env.MI_WAIT_SECONDS ?? 180) * 1000;
  let rows = await readTasks(c.db, teamId);
  const settled = (r: (typeof rows)[number]) => ["done", "lost"].includes(r.archiveStatus) || r.status === "failed";
  while (rows.filter(settled).length < c.jobs && Date.now() < waitDeadline) {
    await sleep(500);
    rows = await readTasks(c.db, teamId);
  }
  c.step(`${rows.filter((r) => r.archiveStatus === "done").length}/${c.jobs} archived`);

  // What the viewers see at the end, through nginx, and how they were spread.
  const finalViews = await Promise.all(viewers.stats.map((s) => viewers.status(taskIds, s)));
  await viewers.stop();
  const log = await calls(c);
  writeFileSync(path.join(c.simDataDir, "..", "calls.json"), JSON.stringify({ killAt, inFlight, log }));
  return report(c, checks, { teamId, cookie, taskIds, rows, log, killAt, inFlight, viewers, finalViews });
}
