import { z } from "zod";

// Written by hand from ../shared/upstream/openai-openapi.yaml (spec 2.3.0, components.schemas).
// Object schemas are loose on purpose: the spec does not forbid extra keys and real answers
// carry some (e.g. `quality: "standard"`), so a client must not reject them.

/** `VideoModel`: anyOf(string, enum). Any string is valid; the enum documents the known ones. */
export const KNOWN_VIDEO_MODELS = [
  "sora-2",
  "sora-2-pro",
  "sora-2-2025-10-06",
  "sora-2-pro-2025-10-06",
  "sora-2-2025-12-08",
] as const;
export const VideoModelSchema = z.string();

export const VIDEO_STATUSES = ["queued", "in_progress", "completed", "failed"] as const;
export const VideoStatusSchema = z.enum(VIDEO_STATUSES);
export type VideoStatus = z.infer<typeof VideoStatusSchema>;

export const VIDEO_SIZES = ["720x1280", "1280x720", "1024x1792", "1792x1024"] as const;
export const VideoSizeSchema = z.enum(VIDEO_SIZES);
export type VideoSize = z.infer<typeof VideoSizeSchema>;

export const VIDEO_SECONDS = ["4", "8", "12"] as const;
export const VideoSecondsSchema = z.enum(VIDEO_SECONDS);
export type VideoSeconds = z.infer<typeof VideoSecondsSchema>;

export const VIDEO_CONTENT_VARIANTS = ["video", "thumbnail", "spritesheet"] as const;
export const VideoContentVariantSchema = z.enum(VIDEO_CONTENT_VARIANTS);
export type VideoContentVariant = z.infer<typeof VideoContentVariantSchema>;

/** `Error-2`: the error of a failed job (not the HTTP error envelope). */
export const VideoJobErrorSchema = z.looseObject({
  code: z.string(),
  message: z.string(),
});

const unixTime = z.int().nonnegative();

/** `VideoResource`: all 13 keys are required; nullable ones are present as null. */
export const VideoResourceSchema = z.looseObject({
  id: z.string(),
  object: z.literal("video"),
  model: VideoModelSchema,
  status: VideoStatusSchema,
  progress: z.int(),
  created_at: unixTime,
  completed_at: unixTime.nullable(),
  expires_at: unixTime.nullable(),
  prompt: z.string().nullable(),
  size: VideoSizeSchema,
  seconds: z.string(),
  remixed_from_video_id: z.string().nullable(),
  error: VideoJobErrorSchema.nullable(),
});
export type VideoResource = z.infer<typeof VideoResourceSchema>;

/** `VideoListResource`. */
export const VideoListResourceSchema = z.looseObject({
  object: z.literal("list"),
  data: z.array(VideoResourceSchema),
  first_id: z.string().nullable(),
  last_id: z.string().nullable(),
  has_more: z.boolean(),
});
export type VideoListResource = z.infer<typeof VideoListResourceSchema>;

/** `DeletedVideoResource`. */
export const DeletedVideoResourceSchema = z.looseObject({
  object: z.literal("video.deleted"),
  deleted: z.boolean(),
  id: z.string(),
});
export type DeletedVideoResource = z.infer<typeof DeletedVideoResourceSchema>;
