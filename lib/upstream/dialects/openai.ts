import type { CallOptions, ProviderAdapter } from "../adapter";
import { providerJson, providerRequest, ProviderProtocolError, type UpstreamConnection } from "../provider-http";
import { normaliseProgress, normaliseStatus, text, type ProviderJob } from "../provider-job";
import { commonJobFields, createForm } from "./shared";

// OpenAI's Videos API exactly (openai/openapi `Video`): OpenAI itself until 2026-09-24, API易 官转
// and any exact relay. Bearer key; multipart create with `seconds` as a string; bytes and the
// thumbnail/spritesheet variants from `/videos/{id}/content`; list, remix and delete exist.

export function toOpenAiJob(body: unknown): ProviderJob {
  if (typeof body !== "object" || body === null || typeof (body as { id?: unknown }).id !== "string")
    throw new ProviderProtocolError("The answer has no job id");
  const v = body as Record<string, unknown>;
  const status = normaliseStatus(v.status);
  const error = v.error as { code?: unknown; message?: unknown } | null | undefined;
  return {
    id: v.id as string,
    status,
    rawStatus: String(v.status ?? ""),
    progress: normaliseProgress(v.progress),
    error:
      error && typeof error === "object"
        ? { code: text(error.code) ?? "failed", message: text(error.message) ?? "" }
        : typeof error === "string"
          ? { code: "failed", message: error }
          : null,
    result: status === "completed" ? { kind: "content", variants: ["video", "thumbnail", "spritesheet"] } : null,
    ...commonJobFields(v),
    billedCents: null,
  };
}

export const openAiAdapter: ProviderAdapter = {
  dialect: "openai",
  resultInBody: false,
  async create(connection, input, { timeoutMs }) {
    return toOpenAiJob(
      await providerJson(connection, {
        method: "POST",
        path: "/videos",
        form: createForm(input, { lastFrame: false }),
        timeoutMs,
      }),
    );
  },
  async retrieve(connection, jobId, { timeoutMs }) {
    return toOpenAiJob(await providerJson(connection, { path: `/videos/${encodeURIComponent(jobId)}`, timeoutMs }));
  },
  async fetchMedia(connection, job, variant, { timeoutMs }) {
    return providerRequest(connection, {
      path: `/videos/${encodeURIComponent(job.id)}/content`,
      query: { variant },
      timeoutMs,
    });
  },
  async remix(connection, jobId, prompt, { timeoutMs }) {
    return toOpenAiJob(
      await providerJson(connection, {
        method: "POST",
        path: `/videos/${encodeURIComponent(jobId)}/remix`,
        json: { prompt },
        timeoutMs,
      }),
    );
  },
  async delete(connection, jobId, { timeoutMs }) {
    await providerJson(connection, { method: "DELETE", path: `/videos/${encodeURIComponent(jobId)}`, timeoutMs });
  },
  listRecent: (connection, options) => listPages(connection, options),
  async testConnection(connection, { timeoutMs }) {
    await providerJson(connection, { path: "/videos", query: { limit: 1 }, timeoutMs });
  },
};

async function* listPages(connection: UpstreamConnection, { timeoutMs }: CallOptions): AsyncIterable<ProviderJob> {
  let after: string | undefined;
  for (;;) {
    const page = (await providerJson(connection, {
      path: "/videos",
      query: { limit: 50, order: "desc", after },
      timeoutMs,
    })) as { data?: unknown[]; has_more?: boolean; last_id?: string | null };
    const jobs = (page.data ?? []).map(toOpenAiJob);
    yield* jobs;
    const last = page.last_id ?? jobs.at(-1)?.id;
    if (!page.has_more || !last || jobs.length === 0) return;
    after = last;
  }
}
