// What the browser gets about a video task: small, no secrets, no provider key, no file paths.
// Shared by the list and status route handlers, the detail page and the gallery components.

export type VideoStatus =
  "waiting" | "submitting" | "submit_unknown" | "queued" | "in_progress" | "completed" | "failed" | (string & {});

export type ArchiveStatus = "none" | "pending" | "done" | "lost";

export type VideoDto = {
  id: string;
  teamId: string;
  status: VideoStatus;
  /** 0..100 */
  progress: number;
  model: string;
  /** The connection it was made on (its name now), null for tasks from before connections. */
  connectionId: string | null;
  connectionName: string | null;
  /** Made through the studio's API with this token (its name); null when made in the studio. */
  apiTokenName: string | null;
  size: string;
  seconds: number;
  prompt: string;
  createdAt: string;
  completedAt: string | null;
  createdBy: { id: string; name: string };
  mine: boolean;
  /** Registry price at submit, integer cents. */
  estimateCents: number;
  /** What was charged: null while running, 0 when failed, the price once archived. */
  costCents: number | null;
  errorCode: string | null;
  errorMessage: string | null;
  /** When the provider's copy expires (ISO), while ours is not yet safe. */
  providerExpiresAt: string | null;
  archiveStatus: ArchiveStatus;
  /** When the studio's own copy will be removed (team retention); null = kept. */
  retainUntil: string | null;
  hasReference: boolean;
  remixOfTaskId: string | null;
  /**
   * URLs served by the studio from its own storage; null until archived. `thumbnail` is the full
   * first frame, `poster` the same frame sized for a gallery card (lib/storage/card-poster-size.ts).
   */
  media: { video: string | null; thumbnail: string | null; poster: string | null; spritesheet: string | null };
  canDelete: boolean;
  canRemix: boolean;
  /** Taking longer than usual: no progress for longer than the model usually takes (lib/videos/slow-job.ts). */
  slow?: boolean;
};

export type VideoEventDto = {
  id: string;
  type: string;
  status: string | null;
  progress: number | null;
  message: string | null;
  createdAt: string;
};

export type VideoPage = { items: VideoDto[]; nextCursor: string | null };

export const ACTIVE_STATUSES = ["waiting", "submitting", "submit_unknown", "queued", "in_progress"] as const;

/** Terminal means the provider will not change it any more; unknown statuses count as active. */
export const TERMINAL_STATUSES = ["completed", "failed", "expired", "canceled", "cancelled"];

export function isTerminalStatus(status: string): boolean {
  return TERMINAL_STATUSES.includes(status);
}

/** A video is still "moving" for the UI while the provider works or while we archive it. */
export function isLive(video: Pick<VideoDto, "status" | "archiveStatus">): boolean {
  return !isTerminalStatus(video.status) || video.archiveStatus === "pending";
}
