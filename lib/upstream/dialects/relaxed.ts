import type { CallOptions, ProviderAdapter } from "../adapter";
import {
  fetchResultUrl,
  ProviderHttpError,
  providerJson,
  providerRequest,
  ProviderProtocolError,
  type UpstreamConnection,
} from "../provider-http";
import { normaliseProgress, normaliseStatus, text, type JobResult, type ProviderJob } from "../provider-job";
import { commonJobFields, createForm } from "./shared";

// The relaxed `/v1/videos` relays (../shared/upstream/relay-dialects.md): LaoZhang Muse, API易's
// Veo 3.1 and Oxygen, new-api based relays. The job's id may be `id` or `task_id`; statuses come in
// many words and cases; progress may be a string ("45%"); an error may be a plain string; the
// result is a URL in the body (`video_url`, `url`, `metadata.url`, `urls[]`, `unsigned_urls[]`),
// fetched without our key unless it is on the relay's own host, or else `/content` (video only:
// no thumbnail or sprite sheet — the studio makes its own). No list and no delete.

const str = (value: unknown): string | null => (typeof value === "string" && value ? value : null);

function resultUrl(v: Record<string, unknown>): string | null {
  const metadata = (v.metadata ?? null) as Record<string, unknown> | null;
  const first = (list: unknown) => (Array.isArray(list) ? str(list[0]) : null);
  return (
    str(v.video_url) ??
    str(v.url) ??
    str(metadata?.url) ??
    str(metadata?.video_url) ??
    first(v.urls) ??
    first(v.unsigned_urls) ??
    null
  );
}

function errorOf(raw: unknown, status: string): ProviderJob["error"] {
  if (typeof raw === "string" && raw) {
    const code = /policy|moderation|sensitive|违规|审核/i.test(raw) ? "content_policy_violation" : "failed";
    return { code, message: raw };
  }
  if (raw && typeof raw === "object") {
    const e = raw as { code?: unknown; message?: unknown };
    return { code: text(e.code) ?? "failed", message: text(e.message) ?? "" };
  }
  // A failed job with no error at all (API易 Veo): still a reason the person can read.
  return status === "failed" ? { code: "failed", message: "The provider reported a failure without a reason." } : null;
}

/** One job in any of the relaxed shapes. */
export function toRelaxedJob(body: unknown): ProviderJob {
  if (typeof body !== "object" || body === null) throw new ProviderProtocolError("The answer is not a job");
  const v = body as Record<string, unknown>;
  const id = str(v.id) ?? str(v.task_id);
  if (!id) throw new ProviderProtocolError("The answer has no job id");
  const status = normaliseStatus(v.status);
  const url = resultUrl(v);
  let result: JobResult | null = null;
  if (status === "completed") result = url ? { kind: "url", url } : { kind: "content", variants: ["video"] };
  const usage = (v.usage ?? null) as { cost?: unknown } | null;
  const cost = typeof usage?.cost === "number" ? Math.ceil(usage.cost * 100 - 1e-9) : null;
  return {
    id,
    status,
    rawStatus: String(v.status ?? ""),
    progress: status === "completed" ? 100 : normaliseProgress(v.progress),
    error: status === "failed" || v.error ? errorOf(v.error, status) : null,
    result,
    ...commonJobFields(v),
    billedCents: cost,
  };
}

/** A relay with no harmless list call: asking for a job that does not exist proves the key (404 = working). */
export async function probeWithUnknownJob(connection: UpstreamConnection, { timeoutMs }: CallOptions): Promise<void> {
  try {
    await providerJson(connection, { path: "/videos/studio_connection_test", timeoutMs });
  } catch (error) {
    if (error instanceof ProviderHttpError && (error.status === 404 || error.status === 400)) return;
    throw error;
  }
}

export function relaxedAdapter(dialect: string): ProviderAdapter {
  return {
    dialect,
    resultInBody: true,
    async create(connection, input, { timeoutMs }) {
      return toRelaxedJob(
        await providerJson(connection, {
          method: "POST",
          path: "/videos",
          form: createForm(input, { lastFrame: true }),
          timeoutMs,
        }),
      );
    },
    async retrieve(connection, jobId, { timeoutMs }) {
      return toRelaxedJob(await providerJson(connection, { path: `/videos/${encodeURIComponent(jobId)}`, timeoutMs }));
    },
    async fetchMedia(connection, job, variant, { timeoutMs }) {
      if (variant !== "video") return null;
      if (job.result?.kind === "url") return fetchResultUrl(connection, job.result.url, timeoutMs);
      return providerRequest(connection, { path: `/videos/${encodeURIComponent(job.id)}/content`, timeoutMs });
    },
    async remix(connection, jobId, prompt, { timeoutMs }) {
      return toRelaxedJob(
        await providerJson(connection, {
          method: "POST",
          path: `/videos/${encodeURIComponent(jobId)}/remix`,
          json: { prompt },
          timeoutMs,
        }),
      );
    },
    testConnection: probeWithUnknownJob,
  };
}
