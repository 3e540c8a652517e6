import { createHmac, randomBytes } from "node:crypto";
import type { JobRecord } from "./job";
import { jobStateAt, type JobState } from "./job-clock";
import { openRouterState } from "./openrouter-catalogue";
import type { PresentContext } from "./profiles/profile";
import type { SimulatorCore } from "./simulator-core";

// Completion callbacks of the OpenRouter profile: when a job that named a `callback_url` finishes
// (completed or failed), the job's JSON (as GET /videos/{id} answers it) is POSTed there, signed
// the Standard Webhooks way with the secret the create carried in `X-Callback-Signing-Secret`:
//   webhook-id: msg_<hex>   webhook-timestamp: <unix seconds>
//   webhook-signature: v1,<base64 HMAC-SHA256(secret, "<id>.<timestamp>.<raw body>")>
// (a "whsec_" prefix on the secret is dropped and the rest base64-decoded, as Standard Webhooks
// does). CHOICE, the scheme OpenRouter really uses is not in our facts (docs/decisions/063).
// A receiver that does not answer 2xx gets the same delivery again (same id) 3 more times.
// Timers live in memory: a restart forgets pending callbacks, and polling finds those jobs.

export const CALLBACK_SECRET_HEADER = "x-callback-signing-secret";

export interface CallbackTarget {
  url: string;
  /** null: the create sent no secret; the delivery goes unsigned (a receiver must refuse it). */
  secret: string | null;
}

const RETRY_MS = [500, 2_000, 5_000];

function signature(secret: string, id: string, timestamp: number, body: string): string {
  const raw = secret.startsWith("whsec_") ? secret.slice("whsec_".length) : secret;
  const mac = createHmac("sha256", Buffer.from(raw, "base64")).update(`${id}.${timestamp}.${body}`).digest("base64");
  return `v1,${mac}`;
}

/** When the job reaches its end (completed or failed), in the core's clock; null: it never does (stall). */
function endMs(job: JobRecord): number | null {
  const { queueMs, renderMs, outcome } = job.plan;
  const start = job.createdMs + queueMs;
  if (outcome.kind === "complete") return start + renderMs;
  if (outcome.kind === "fail") return start + (renderMs * outcome.atProgress) / 100;
  return null;
}

async function deliver(
  core: SimulatorCore,
  job: JobRecord,
  target: CallbackTarget,
  body: string,
  id: string,
  attempt: number,
): Promise<void> {
  const timestamp = Math.floor(Date.now() / 1000);
  const headers: Record<string, string> = {
    "content-type": "application/json",
    "webhook-id": id,
    "webhook-timestamp": String(timestamp),
  };
  if (target.secret) headers["webhook-signature"] = signature(target.secret, id, timestamp, body);
  let status: number | null = null;
  try {
    const response = await fetch(target.url, {
      method: "POST",
      headers,
      body,
      signal: AbortSignal.timeout(10_000),
    });
    status = response.status;
    await response.body?.cancel();
  } catch {
    status = null;
  }
  const log = openRouterState(core).deliveries;
  log.push({ id, jobId: job.id, url: target.url, attempt, status, at: new Date().toISOString() });
  if (log.length > 200) log.splice(0, log.length - 200);
  const retry = RETRY_MS[attempt - 1];
  if ((status === null || status >= 300) && retry !== undefined) {
    setTimeout(() => void deliver(core, job, target, body, id, attempt + 1), retry).unref();
  }
}

/** Schedules the job's callback for when it finishes. */
export function scheduleCallback(
  core: SimulatorCore,
  job: JobRecord,
  target: CallbackTarget,
  context: PresentContext,
  present: (job: JobRecord, state: JobState, context: PresentContext) => Record<string, unknown>,
): void {
  const end = endMs(job);
  if (end === null) return;
  let checks = 0;
  const fire = () => {
    const state = jobStateAt(job, core.now());
    if (state.status !== "completed" && state.status !== "failed") {
      if (++checks < 50) setTimeout(fire, 100).unref();
      return;
    }
    const body = JSON.stringify(present(job, state, context));
    void deliver(core, job, target, body, `msg_${randomBytes(12).toString("hex")}`, 1);
  };
  setTimeout(fire, Math.max(0, end - core.now()) + 5).unref();
}
