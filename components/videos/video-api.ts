import type { VideoDto, VideoPage } from "@/lib/videos/video-dto";
import { galleryFiltersToSearch, type GalleryFilters } from "@/lib/videos/gallery-filters-url";

// The browser's side of the two route handlers, one function per endpoint, with the query keys
// that cache them. Errors carry the route's { error: { message, code } } envelope.

export type VideoStatusAnswer = { items: VideoDto[]; pollAfterMs: number };

export const videoKeys = {
  team: (teamId: string) => ["videos", teamId] as const,
  lists: (teamId: string) => ["videos", teamId, "list"] as const,
  list: (teamId: string, filters: GalleryFilters) =>
    ["videos", teamId, "list", galleryFiltersToSearch(filters).toString()] as const,
  status: (teamId: string, ids: string[]) => ["videos", teamId, "status", ids.join(",")] as const,
};

export class VideoApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

async function getJson<T>(url: string, signal?: AbortSignal): Promise<T> {
  const response = await fetch(url, { signal, headers: { accept: "application/json" }, cache: "no-store" });
  if (!response.ok) {
    const body = (await response.json().catch(() => null)) as { error?: { message?: string } } | null;
    throw new VideoApiError(response.status, body?.error?.message ?? `HTTP ${response.status}`);
  }
  return (await response.json()) as T;
}

export function fetchVideoPage(
  teamId: string,
  filters: GalleryFilters,
  cursor: string | null,
  signal?: AbortSignal,
): Promise<VideoPage> {
  const params = galleryFiltersToSearch(filters);
  if (cursor) params.set("cursor", cursor);
  const query = params.toString();
  return getJson<VideoPage>(`/api/teams/${encodeURIComponent(teamId)}/videos${query ? `?${query}` : ""}`, signal);
}

export function fetchVideoStatus(teamId: string, ids: string[], signal?: AbortSignal): Promise<VideoStatusAnswer> {
  const params = new URLSearchParams({ ids: ids.join(",") });
  return getJson<VideoStatusAnswer>(`/api/teams/${encodeURIComponent(teamId)}/videos/status?${params}`, signal);
}
