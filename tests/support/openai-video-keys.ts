/** The 13 keys of OpenAI's `Video` object (../shared/upstream/openai-openapi.yaml), sorted. */
export const OPENAI_VIDEO_KEYS = [
  "completed_at",
  "created_at",
  "error",
  "expires_at",
  "id",
  "model",
  "object",
  "progress",
  "prompt",
  "remixed_from_video_id",
  "seconds",
  "size",
  "status",
];
