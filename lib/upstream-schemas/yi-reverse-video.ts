import { z } from "zod";

// API易's 官逆 (reverse) channel has no published schema. This is the shape the simulator
// answers with, built from the facts in ../shared/upstream/sora-videos-api.md (last section):
// `submitted` status, a `url` once completed, the failure reason as a plain string, and no
// `object` or `expires_at`. Everything else is a documented choice (docs/simulator.md).
export const YI_REVERSE_MODELS = [
  "sora_video2",
  "sora_video2-landscape",
  "sora_video2-15s",
  "sora_video2-landscape-15s",
] as const;
export const YiReverseModelSchema = z.enum(YI_REVERSE_MODELS);
export type YiReverseModel = z.infer<typeof YiReverseModelSchema>;

export const YI_REVERSE_STATUSES = ["submitted", "in_progress", "completed", "failed"] as const;

export const YiReverseVideoSchema = z.looseObject({
  id: z.string(),
  model: z.string(),
  status: z.enum(YI_REVERSE_STATUSES),
  progress: z.int().min(0).max(100),
  created_at: z.int().nonnegative(),
  completed_at: z.int().nonnegative().nullable(),
  prompt: z.string(),
  size: z.string(),
  seconds: z.string(),
  url: z.string().optional(),
  error: z.string().optional(),
});
export type YiReverseVideo = z.infer<typeof YiReverseVideoSchema>;
