import { z } from "zod";

// Relaxed `/v1/videos` relays (LaoZhang Muse, API易 Oxygen, new-api relays): the shape the
// simulator's `relay` profile answers with, from ../shared/upstream/relay-dialects.md.

export const RELAY_MODELS = [
  "muse-video",
  "muse-video-20s",
  "muse-video-30s",
  "muse-video-40s",
  "muse-video-50s",
  "muse-video-60s",
  "oxygen-1.0",
] as const;
export type RelayModel = (typeof RELAY_MODELS)[number];

/** Every status word a relay job can show (lower-case, upper-case and `unknown`). */
export const RELAY_STATUSES = [
  "pending",
  "processing",
  "running",
  "succeeded",
  "failed",
  "unknown",
  "QUEUED",
  "IN_PROGRESS",
  "SUCCESS",
  "FAILURE",
] as const;

export const RelayVideoSchema = z.looseObject({
  id: z.string(),
  task_id: z.string(),
  object: z.literal("video"),
  model: z.string(),
  status: z.enum(RELAY_STATUSES),
  /** "0%" … "100%". */
  progress: z.string().regex(/^\d{1,3}%$/),
  created_at: z.int().nonnegative(),
  completed_at: z.int().nonnegative().nullable(),
  size: z.string(),
  seconds: z.string(),
  prompt: z.string(),
  /** LaoZhang Muse. */
  video_url: z.string().optional(),
  /** new-api, for non-OpenAI upstreams. */
  metadata: z.looseObject({ url: z.string() }).optional(),
  urls: z.array(z.string()).optional(),
  /** A failed job's reason, a plain string. */
  error: z.string().optional(),
});
export type RelayVideo = z.infer<typeof RelayVideoSchema>;
