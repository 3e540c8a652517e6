import type { VideoDto } from "@/lib/videos/video-dto";

// A studio task as OpenAI's Video object (all 13 keys, nullable ones as null), with the studio's
// facts under one extra key, `studio`. Pure.
//
// "completed" means the studio's own copy is ready to download: a job the provider finished but
// the studio is still copying reads in_progress (99 %), and one whose copy was lost reads failed
// (docs/decisions/041-openai-compatible-api.md).

export type OpenAIVideoStatus = "queued" | "in_progress" | "completed" | "failed" | (string & {});

export type StudioVideoExtras = {
  /** What was charged, integer cents: null while running, 0 for failed and lost videos. */
  cost_cents: number | null;
  /** The price at submit (the amount held from the budgets while it runs), integer cents. */
  estimate_cents: number;
  connection: { id: string; name: string } | null;
  created_by: { id: string; name: string };
  /** The API token it was made with; null when made in the studio. */
  api_token: string | null;
  /** The studio's own status and archive state, unmapped. */
  status: string;
  archive_status: VideoDto["archiveStatus"];
  /** The video's page in the studio (a path on the studio's host). */
  gallery_path: string;
};

export type OpenAIVideo = {
  id: string;
  object: "video";
  model: string;
  status: OpenAIVideoStatus;
  progress: number;
  created_at: number;
  completed_at: number | null;
  expires_at: number | null;
  prompt: string | null;
  size: string;
  seconds: string;
  remixed_from_video_id: string | null;
  error: { code: string; message: string } | null;
  studio: StudioVideoExtras;
};

const QUEUED = new Set(["waiting", "submitting", "submit_unknown", "queued"]);

const unix = (iso: string | null): number | null => (iso ? Math.floor(Date.parse(iso) / 1000) : null);

function statusOf(video: VideoDto): { status: OpenAIVideoStatus; progress: number; error: OpenAIVideo["error"] } {
  if (video.status === "completed") {
    if (video.archiveStatus === "done") return { status: "completed", progress: 100, error: null };
    if (video.archiveStatus === "lost")
      return {
        status: "failed",
        progress: 100,
        error: {
          code: "video_lost",
          message: "The provider's copy expired before the studio could keep its own; nothing is downloadable.",
        },
      };
    return { status: "in_progress", progress: 99, error: null };
  }
  if (video.status === "failed")
    return {
      status: "failed",
      progress: video.progress,
      error: { code: video.errorCode ?? "failed", message: video.errorMessage ?? "The video failed." },
    };
  if (QUEUED.has(video.status)) return { status: "queued", progress: 0, error: null };
  return { status: video.status, progress: Math.min(99, Math.max(0, video.progress)), error: null };
}

export function toOpenAIVideo(video: VideoDto): OpenAIVideo {
  const { status, progress, error } = statusOf(video);
  const completed = status === "completed";
  return {
    id: video.id,
    object: "video",
    model: video.model,
    status,
    progress,
    created_at: unix(video.createdAt)!,
    completed_at: completed ? unix(video.completedAt) : null,
    // When the studio's own copy goes (team retention); null while running or when kept.
    expires_at: completed ? unix(video.retainUntil) : null,
    prompt: video.prompt,
    size: video.size,
    seconds: String(video.seconds),
    remixed_from_video_id: video.remixOfTaskId,
    error,
    studio: {
      cost_cents: video.costCents,
      estimate_cents: video.estimateCents,
      connection: video.connectionId ? { id: video.connectionId, name: video.connectionName ?? "" } : null,
      created_by: video.createdBy,
      api_token: video.apiTokenName,
      status: video.status,
      archive_status: video.archiveStatus,
      gallery_path: `/t/${video.teamId}/gallery/${video.id}`,
    },
  };
}
