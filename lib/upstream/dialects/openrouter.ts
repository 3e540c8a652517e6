import { catalogueShape, type CatalogueEntry, type FrameImage } from "@/lib/models";
import type { ProviderAdapter } from "../adapter";
import { ProviderNotConfiguredError } from "../provider-client";
import { providerJson, providerRequest, ProviderProtocolError, type UpstreamConnection } from "../provider-http";
import { normaliseProgress, normaliseStatus, text, toDate, type JobResult, type ProviderJob } from "../provider-job";
import { probeWithUnknownJob } from "./relaxed";

// OpenRouter's video API (../shared/upstream/relay-dialects.md, docs/providers.md "OpenRouter and
// live catalogues"). JSON create with integer `duration`, `resolution` + `aspect_ratio` (as the
// model's catalogue entry spells them), `frame_images[]` as data URLs, `generate_audio` where the
// model makes sound, `seed`, `callback_url`; 202 `{id, polling_url, status: "pending"}`; statuses
// pending / in_progress / completed / failed / cancelled / expired; errors as strings; the bytes
// from `/videos/{id}/content?index=0` with the key, as OpenRouter documents (decision 062: the
// `urls[]` of the body may name another host for the same API, which would not get our key);
// `usage.cost` in US dollars is the bill. Models and prices come from `GET /videos/models` (listCatalogue).

/** CHOICE (decision 063): the create carries the connection's callback signing secret in this header. */
export const CALLBACK_SECRET_HEADER = "X-Callback-Signing-Secret";

const str = (value: unknown): string | null => (typeof value === "string" && value ? value : null);

/**
 * usage.cost (a float in US dollars) → integer cents, rounded up once (decision 061): float noise
 * below a millionth of a cent is dropped first, so 0.29 is 29 ¢, 0.405 is 41 ¢.
 */
export function costToCents(raw: unknown): number | null {
  const dollars = typeof raw === "number" ? raw : typeof raw === "string" && raw.trim() ? Number(raw) : Number.NaN;
  if (!Number.isFinite(dollars) || dollars < 0) return null;
  return Math.ceil(Math.round(dollars * 100 * 1e6) / 1e6);
}

function errorOf(raw: unknown, status: string): ProviderJob["error"] {
  const message =
    str(raw) ?? (raw && typeof raw === "object" ? text((raw as { message?: unknown }).message) : null) ?? null;
  if (message) {
    const code = /policy|moderation|safety/i.test(message) ? "content_policy_violation" : status;
    return { code, message };
  }
  if (status === "failed") return { code: "failed", message: "The provider reported a failure without a reason." };
  if (status === "cancelled") return { code: "cancelled", message: "The provider cancelled the job." };
  if (status === "expired") return { code: "expired", message: "The job expired at the provider before it finished." };
  return null;
}

/** One OpenRouter job (a GET answer, a create's 202, or a callback's body) as a ProviderJob. */
export function toOpenRouterJob(body: unknown): ProviderJob {
  if (typeof body !== "object" || body === null) throw new ProviderProtocolError("The answer is not a job");
  const v = body as Record<string, unknown>;
  const id = str(v.id);
  if (!id) throw new ProviderProtocolError("The answer has no job id");
  const status = normaliseStatus(v.status);
  const result: JobResult | null = status === "completed" ? { kind: "content", variants: ["video"] } : null;
  const usage = (v.usage ?? null) as { cost?: unknown } | null;
  const failed = status === "failed" || status === "cancelled" || status === "expired";
  return {
    id,
    status,
    rawStatus: String(v.status ?? ""),
    progress: status === "completed" ? 100 : normaliseProgress(v.progress),
    error: failed || v.error ? errorOf(v.error, status) : null,
    result,
    model: text(v.model),
    size: null,
    seconds: text(v.duration),
    prompt: text(v.prompt),
    remixedFrom: null,
    createdAt: toDate(v.created_at),
    completedAt: toDate(v.completed_at),
    expiresAt: toDate(v.expires_at),
    billedCents: usage ? costToCents(usage.cost) : null,
  };
}

const list = (v: unknown): string[] =>
  Array.isArray(v) ? v.filter((s): s is string => typeof s === "string" && s.length > 0) : [];

/** One model of `GET /videos/models` → a catalogue entry; null when it has no id. */
export function toCatalogueEntry(raw: unknown): CatalogueEntry | null {
  if (!raw || typeof raw !== "object") return null;
  const m = raw as Record<string, unknown>;
  const id = str(m.id);
  if (!id) return null;
  const skus: Record<string, string> = {};
  if (m.pricing_skus && typeof m.pricing_skus === "object")
    for (const [sku, price] of Object.entries(m.pricing_skus as Record<string, unknown>))
      if (typeof price === "string" || typeof price === "number") skus[sku] = String(price);
  return {
    id,
    name: str(m.name) ?? id,
    resolutions: list(m.supported_resolutions),
    aspectRatios: list(m.supported_aspect_ratios),
    sizes: Array.isArray(m.supported_sizes) ? list(m.supported_sizes) : null,
    durations: Array.isArray(m.supported_durations)
      ? m.supported_durations.filter((d): d is number => typeof d === "number" && Number.isInteger(d) && d > 0)
      : [],
    frameImages: list(m.supported_frame_images).filter(
      (f): f is FrameImage => f === "first_frame" || f === "last_frame",
    ),
    audio: m.generate_audio === true,
    // The published `seed` is null where the model takes none.
    seed: m.seed !== null && m.seed !== undefined && m.seed !== false,
    pricingSkus: skus,
  };
}

async function catalogueEntry(connection: UpstreamConnection, model: string): Promise<CatalogueEntry> {
  const entry = await connection.context?.catalogueEntry(model);
  if (!entry) throw new ProviderNotConfiguredError("model_not_in_catalogue");
  return entry;
}

export const openRouterAdapter: ProviderAdapter = {
  dialect: "openrouter",
  resultInBody: false,
  async create(connection, input, { timeoutMs }) {
    const entry = await catalogueEntry(connection, input.model);
    const shape = catalogueShape(entry, input.size);
    if (!shape) throw new ProviderNotConfiguredError("model_not_in_catalogue");
    const callback = (await connection.context?.callback()) ?? null;
    const json: Record<string, unknown> = {
      model: input.model,
      prompt: input.prompt,
      duration: input.seconds,
      resolution: shape.resolution,
      aspect_ratio: shape.aspectRatio,
    };
    // CHOICE (decision 062): a model that makes sound is asked for it (its price SKUs are for that).
    if (entry.audio) json.generate_audio = true;
    if (input.seed !== undefined && entry.seed) json.seed = input.seed;
    if (input.references.length > 0) {
      json.frame_images = input.references.map((ref) => ({
        type: "image_url",
        image_url: { url: `data:${ref.mimeType};base64,${ref.bytes.toString("base64")}` },
        frame_type: ref.frame === "first" ? "first_frame" : "last_frame",
      }));
    }
    if (callback) json.callback_url = callback.url;
    const headers = callback ? { [CALLBACK_SECRET_HEADER]: callback.secret } : undefined;
    return toOpenRouterJob(
      await providerJson(connection, { method: "POST", path: "/videos", json, headers, timeoutMs }),
    );
  },
  async retrieve(connection, jobId, { timeoutMs }) {
    return toOpenRouterJob(await providerJson(connection, { path: `/videos/${encodeURIComponent(jobId)}`, timeoutMs }));
  },
  async fetchMedia(connection, job, variant, { timeoutMs }) {
    if (variant !== "video") return null;
    return providerRequest(connection, {
      path: `/videos/${encodeURIComponent(job.id)}/content`,
      query: { index: 0 },
      timeoutMs,
    });
  },
  async listCatalogue(connection, { timeoutMs }) {
    const body = (await providerJson(connection, { path: "/videos/models", timeoutMs })) as { data?: unknown };
    if (!body || !Array.isArray(body.data)) throw new ProviderProtocolError("The model list has no data array");
    return body.data.flatMap((raw) => {
      const entry = toCatalogueEntry(raw);
      return entry ? [entry] : [];
    });
  },
  // The callback's body is the job as GET /videos/{id} answers it.
  callbackJob: toOpenRouterJob,
  // `GET /videos/models` needs no key at OpenRouter, so it proves nothing: an unknown job does.
  testConnection: probeWithUnknownJob,
};
