import { readFileSync } from "node:fs";
import path from "node:path";

// The running build's server actions, from Next's own manifest (id → the file and export that
// define it). Only a production build's list is final: `next dev` rewrites it as files change.

type Entry = { filename?: string; exportedName?: string };
type Manifest = { node?: Record<string, Entry>; edge?: Record<string, Entry> };

let entries: Map<string, Entry> | null | undefined;

/** id → { filename, exportedName } of this build, or null when it cannot be known. */
export function actionManifest(): Map<string, Entry> | null {
  if (process.env.NODE_ENV !== "production") return null;
  if (entries !== undefined) return entries;
  try {
    const distDir = process.env.STUDIO_DIST_DIR || ".next";
    const file = path.join(process.cwd(), distDir, "server", "server-reference-manifest.json");
    const manifest = JSON.parse(readFileSync(file, "utf8")) as Manifest;
    entries = new Map([...Object.entries(manifest.node ?? {}), ...Object.entries(manifest.edge ?? {})]);
  } catch {
    entries = null;
  }
  return entries;
}

const ids = new Map<string, string | null>();

/** The id of the action exported as `exportedName` from `filename` (relative to the root), if any. */
export function actionIdOf(filename: string, exportedName: string): string | null {
  const key = `${filename}#${exportedName}`;
  if (ids.has(key)) return ids.get(key)!;
  let found: string | null = null;
  for (const [id, entry] of actionManifest() ?? [])
    if (entry.filename === filename && entry.exportedName === exportedName) found = id;
  if (actionManifest() !== null) ids.set(key, found);
  return found;
}
