// How pages may be kept by the browser (docs/decisions/050-document-caching.md). Next marks every
// dynamic page `private, no-cache, no-store, max-age=0, must-revalidate`; `no-store` also shuts
// the back/forward cache. Pages are the viewer's own, so they stay `private` and are revalidated
// on every ordinary load (`no-cache`), but the browser may keep them: Back is instant. Signing out
// answers with `Clear-Site-Data: "cache"`, which drops every stored page and media file of the
// origin and the back/forward cache with them, so nothing private stays readable after it.

export const DOCUMENT_CACHE_CONTROL = "private, no-cache";
export const SIGN_OUT_CLEAR_SITE_DATA = '"cache"';

/**
 * The headers the proxy adds to the answer: the document policy on pages (not on /api/, whose
 * handlers answer `no-store` themselves, and not on action POSTs, which Next answers itself), and
 * the cache clearing on the sign-out action.
 */
export function documentCacheHeaders(
  request: { method: string; pathname: string; headers: Headers },
  signOutActionId: string | null,
): Record<string, string> {
  const action = request.headers.get("next-action");
  if (request.method === "POST" && action !== null)
    return signOutActionId !== null && action === signOutActionId
      ? { "Clear-Site-Data": SIGN_OUT_CLEAR_SITE_DATA }
      : {};
  if ((request.method === "GET" || request.method === "HEAD") && !request.pathname.startsWith("/api/"))
    return { "Cache-Control": DOCUMENT_CACHE_CONTROL };
  return {};
}
