// Gallery filters live in the URL (?status=active&model=sora-2&mine=1&q=lighthouse&fav=1&collection=<id>) so a filtered
// view can be reloaded, shared and navigated back to. One parser for the page, the client and
// the list route.

export const STATUS_FILTERS = ["active", "completed", "failed"] as const;
export type StatusFilter = (typeof STATUS_FILTERS)[number];

export type GalleryFilters = {
  status?: StatusFilter;
  model?: string;
  mine?: boolean;
  q?: string;
  /** The viewer's own favourites (docs/gallery-library.md). */
  favourites?: boolean;
  /** One of the team's collections, by id. */
  collection?: string;
};

type Getter = (key: string) => string | null | undefined;

export function parseGalleryFilters(get: Getter): GalleryFilters {
  const filters: GalleryFilters = {};
  const status = get("status");
  if (status && (STATUS_FILTERS as readonly string[]).includes(status)) filters.status = status as StatusFilter;
  const model = get("model")?.trim();
  if (model && /^[\w.-]{1,64}$/.test(model)) filters.model = model;
  const mine = get("mine");
  if (mine === "1" || mine === "true") filters.mine = true;
  const q = get("q")?.trim().slice(0, 200);
  if (q) filters.q = q;
  const fav = get("fav");
  if (fav === "1" || fav === "true") filters.favourites = true;
  const collection = get("collection")?.trim();
  if (collection && /^[\w-]{1,64}$/.test(collection)) filters.collection = collection;
  return filters;
}

/** The filters as query-string pairs, in a fixed order so equal filters give equal URLs and cache keys. */
export function galleryFiltersToSearch(filters: GalleryFilters): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.status) params.set("status", filters.status);
  if (filters.model) params.set("model", filters.model);
  if (filters.mine) params.set("mine", "1");
  if (filters.q) params.set("q", filters.q);
  if (filters.favourites) params.set("fav", "1");
  if (filters.collection) params.set("collection", filters.collection);
  return params;
}

export function sameFilters(a: GalleryFilters, b: GalleryFilters): boolean {
  return galleryFiltersToSearch(a).toString() === galleryFiltersToSearch(b).toString();
}

export function hasFilters(filters: GalleryFilters): boolean {
  return galleryFiltersToSearch(filters).size > 0;
}
