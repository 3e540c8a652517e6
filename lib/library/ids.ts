// A selection travels as task ids (the gallery resolves "all matching the filters" on the server
// first, lib/library/selection.ts). One cap and one cleaning for every operation on many videos.

/** The most videos one selection, zip or bulk operation takes (decision 070). */
export const MAX_SELECTION = 500;

/** Distinct, plausible ids, at most MAX_SELECTION of them, in the order given. */
export function cleanIds(ids: readonly unknown[]): string[] {
  const seen = new Set<string>();
  for (const id of ids) {
    if (typeof id !== "string" || id.length === 0 || id.length > 64 || !/^[\w-]+$/.test(id)) continue;
    seen.add(id);
    if (seen.size === MAX_SELECTION) break;
  }
  return [...seen];
}

/** Ids as one form field: comma-separated (a form of 500 cuids is ~13 KB). */
export function parseIdList(raw: string): string[] {
  return cleanIds(raw.split(","));
}
