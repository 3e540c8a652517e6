import { z } from "zod";

// API易's Veo 3.1 routes on /v1/videos: the shape the simulator's `veo` profile answers with, from
// ../shared/upstream/relay-dialects.md.

export const VEO_OFFICIAL_MODELS = ["veo-3.1-fast-generate-preview", "veo-3.1-generate-preview"] as const;
export const VEO_REVERSE_MODELS = [
  "veo-3.1",
  "veo-3.1-fast",
  "veo-3.1-landscape",
  "veo-3.1-landscape-fast",
  "veo-3.1-fl",
  "veo-3.1-fast-fl",
  "veo-3.1-landscape-fl",
  "veo-3.1-landscape-fast-fl",
] as const;
export const VEO_SIZES = ["1280x720", "720x1280", "1920x1080", "1080x1920", "3840x2160", "2160x3840"] as const;
/** 1080p and 4k: only "8" seconds. */
export const VEO_LONG_ONLY_SIZES = ["1920x1080", "1080x1920", "3840x2160", "2160x3840"] as const;
export const VEO_SECONDS = ["4", "6", "8"] as const;

const base = {
  id: z.string(),
  task_id: z.string(),
  object: z.literal("video"),
  model: z.string(),
  status: z.enum(["queued", "in_progress", "completed", "failed"]),
  progress: z.union([z.literal(0), z.literal(50), z.literal(100)]),
  completed_at: z.int().nonnegative().nullable(),
  size: z.string(),
  seconds: z.string(),
};

/** Official models: `created_at`; a failed task has no `error`. */
export const VeoOfficialVideoSchema = z.strictObject({ ...base, created_at: z.int().nonnegative() });
/** Reverse models: `created`; a failed task has `error` as a string. */
export const VeoReverseVideoSchema = z.strictObject({
  ...base,
  created: z.int().nonnegative(),
  error: z.string().optional(),
});
