import { z } from "zod";

// API易's 官逆 (reverse) channel has no published schema. This is the shape the simulator answers
// with, from ../shared/upstream/relay-dialects.md: `submitted` status, `url` (null until
// completed), the failure reason as a plain string, no `object` or `expires_at`.

/** The documented request form: model `sora-2` with one of these sizes and lengths. */
export const YI_REVERSE_SIZES = ["1280x720", "720x1280"] as const;
export const YI_REVERSE_SECONDS = ["10", "15"] as const;
/** The older request form: the model name carries orientation and length. */
export const YI_REVERSE_LEGACY_MODELS = [
  "sora_video2",
  "sora_video2-landscape",
  "sora_video2-15s",
  "sora_video2-landscape-15s",
] as const;
export type YiReverseLegacyModel = (typeof YI_REVERSE_LEGACY_MODELS)[number];
export const YI_REVERSE_MODELS = ["sora-2", ...YI_REVERSE_LEGACY_MODELS] as const;
export const YiReverseModelSchema = z.enum(YI_REVERSE_MODELS);
export type YiReverseModel = z.infer<typeof YiReverseModelSchema>;

export const YI_REVERSE_STATUSES = ["submitted", "in_progress", "completed", "failed"] as const;

/** A job that has not failed: every key present, `url`/`completed_at` null until completed. */
export const YiReverseVideoSchema = z.strictObject({
  id: z.string(),
  status: z.enum(["submitted", "in_progress", "completed"]),
  progress: z.int().min(0).max(100),
  prompt: z.string(),
  model: z.string(),
  size: z.string(),
  seconds: z.string(),
  created_at: z.int().nonnegative(),
  url: z.string().nullable(),
  completed_at: z.int().nonnegative().nullable(),
});
export type YiReverseVideo = z.infer<typeof YiReverseVideoSchema>;

/** A failed job: exactly these keys, the reason as a plain string. */
export const YiReverseFailedVideoSchema = z.strictObject({
  id: z.string(),
  status: z.literal("failed"),
  progress: z.literal(0),
  error: z.string(),
  created_at: z.int().nonnegative(),
});
export type YiReverseFailedVideo = z.infer<typeof YiReverseFailedVideoSchema>;

export const YiReverseAnswerSchema = z.union([YiReverseVideoSchema, YiReverseFailedVideoSchema]);
export type YiReverseAnswer = z.infer<typeof YiReverseAnswerSchema>;

/** API易's error envelope: three keys, no `param`. */
export const YiReverseErrorSchema = z.strictObject({
  error: z.strictObject({ code: z.string(), message: z.string(), type: z.string() }),
});
