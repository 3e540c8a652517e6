import { actionManifest } from "./action-manifest";

// A POST whose `Next-Action` header names no action of this build (a page opened before a
// deploy, a bot replaying an old id) is answered by Next with 409 "Server Action unavailable."
// (400 when the id cannot even be one) and `x-nextjs-action-not-found: 1`, which the browser
// turns into its UnrecognizedActionError ("reload the page"). Next also logs a warning with a
// stack for every such request, so a stale tab or a bot fills the log. The proxy gives the very
// same answer from the build's own list of action ids, before Next gets to log it.

const ACTION_HEADER = "next-action";
const NOT_FOUND_HEADER = "x-nextjs-action-not-found";
/** Next's server reference ids are 42 hex characters (next/dist/shared/lib/server-reference-info). */
const ID_LENGTH = 42;

let known: Set<string> | null | undefined;

/** The action ids of the running build, or null when they cannot be known (dev server, no build). */
export function knownActionIds(): Set<string> | null {
  if (known !== undefined) return known;
  const manifest = actionManifest();
  known = manifest ? new Set(manifest.keys()) : null; // null: let Next answer, as it always has
  return known;
}

/** Next's own answer to an action id it does not know, or null for anything else. */
export function unknownActionAnswer(method: string, headers: Headers, ids: Set<string> | null): Response | null {
  if (method !== "POST" || !ids) return null;
  const id = headers.get(ACTION_HEADER);
  if (id === null || ids.has(id)) return null;
  const status = id.length === ID_LENGTH ? 409 : 400;
  const body = status === 409 ? "Server Action unavailable." : "Invalid Server Action request.";
  return new Response(body, {
    status,
    headers: { [NOT_FOUND_HEADER]: "1", "content-type": "text/plain", "cache-control": "no-store" },
  });
}
