import type { CollectionDto } from "@/lib/library/collections";
import type { Selection } from "@/lib/library/selection";
import type { ZipProgress } from "@/lib/library/zip-progress";
import { galleryFiltersToSearch, type GalleryFilters } from "@/lib/videos/gallery-filters-url";
import { VideoApiError } from "@/components/videos/video-api";

// The browser's side of the library routes (app/api/teams/[teamId]/videos/{library,selection,zip}).

export type LibraryState = { favourites: string[]; collections: CollectionDto[] };

export const libraryKeys = {
  state: (teamId: string) => ["library", teamId] as const,
};

const base = (teamId: string) => `/api/teams/${encodeURIComponent(teamId)}/videos`;

async function getJson<T>(url: string, signal?: AbortSignal): Promise<T> {
  const response = await fetch(url, { signal, headers: { accept: "application/json" }, cache: "no-store" });
  if (!response.ok) throw new VideoApiError(response.status, `HTTP ${response.status}`);
  return (await response.json()) as T;
}

export function fetchLibrary(teamId: string, signal?: AbortSignal): Promise<LibraryState> {
  return getJson<LibraryState>(`${base(teamId)}/library`, signal);
}

export function fetchSelection(teamId: string, filters: GalleryFilters): Promise<Selection> {
  const query = galleryFiltersToSearch(filters).toString();
  return getJson<Selection>(`${base(teamId)}/selection${query ? `?${query}` : ""}`);
}

export function zipUrl(teamId: string): string {
  return `${base(teamId)}/zip`;
}

export function fetchZipProgress(teamId: string, token: string): Promise<ZipProgress | { state: "unknown" }> {
  return getJson(`${base(teamId)}/zip/progress?token=${encodeURIComponent(token)}`);
}

/** FormData for a library action: the team, the ids as one field, and the rest. */
export function libraryForm(teamId: string, fields: Record<string, string>, ids?: Iterable<string>): FormData {
  const form = new FormData();
  form.set("teamId", teamId);
  for (const [key, value] of Object.entries(fields)) form.set(key, value);
  if (ids) form.set("ids", [...ids].join(","));
  return form;
}
