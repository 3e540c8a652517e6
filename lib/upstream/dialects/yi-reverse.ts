import type { ProviderAdapter } from "../adapter";
import { providerJson, providerRequest } from "../provider-http";
import { probeWithUnknownJob, toRelaxedJob } from "./relaxed";
import { createForm } from "./shared";

// API易's 官逆 (reverse) Sora channel: the key without "Bearer" (connections.ts sets auth "raw"),
// `submitted` for queued, `url` in the body once completed (API易's own /content, fetched with the
// key from the connection's base URL), errors as plain strings, no list, delete or remix. The request carries the
// documented `sora-2` + `size` + `seconds` form. Its limits (10 creates a minute, 5 running) are
// respected on our side: a 429 leaves the task waiting and the engine sends it again later.

export const yiReverseAdapter: ProviderAdapter = {
  dialect: "yi-reverse",
  resultInBody: false,
  async create(connection, input, { timeoutMs }) {
    const form = createForm(input, { lastFrame: false });
    return toRelaxedJob(await providerJson(connection, { method: "POST", path: "/videos", form, timeoutMs }));
  },
  async retrieve(connection, jobId, { timeoutMs }) {
    return toRelaxedJob(await providerJson(connection, { path: `/videos/${encodeURIComponent(jobId)}`, timeoutMs }));
  },
  // The body's `url` is API易's own `/v1/videos/{id}/content`: fetched there, with the key, from the
  // connection's base URL (the host in the body may be another name for it).
  async fetchMedia(connection, job, variant, { timeoutMs }) {
    if (variant !== "video") return null;
    return providerRequest(connection, { path: `/videos/${encodeURIComponent(job.id)}/content`, timeoutMs });
  },
  testConnection: probeWithUnknownJob,
};
