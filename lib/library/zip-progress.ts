// How far a zip download has got, as the server streams it, for the gallery's progress line
// (decision 070). The browser downloads the zip natively (streamed to disk, its own download UI);
// the page polls this record by a token it made up for that download. Kept in this process only:
// a progress line, not state anyone relies on (behind several instances a poll that reaches
// another one reads "unknown" and the page says "preparing"). Records go 10 minutes after their
// last change; at most 1,000 are kept.

export type ZipProgressState = "streaming" | "done" | "cancelled" | "failed" | "empty";

export type ZipProgress = {
  state: ZipProgressState;
  /** Videos in the zip, and how many have been streamed whole. */
  files: number;
  filesDone: number;
  /** The videos' stored sizes added up (null when one is unknown), and the zip's bytes sent so far. */
  totalBytes: number | null;
  bytesSent: number;
};

type Entry = ZipProgress & { updatedAt: number };

const KEEP_MS = 10 * 60_000;
const MAX_ENTRIES = 1_000;

// One map per process, whichever route bundle loaded this module.
const store = ((globalThis as unknown as { studioZipProgress?: Map<string, Entry> }).studioZipProgress ??= new Map());

const keyOf = (userId: string, token: string) => `${userId}:${token}`;

/** A client-made token: 8–64 letters, digits, dashes. */
export function isProgressToken(value: unknown): value is string {
  return typeof value === "string" && /^[\w-]{8,64}$/.test(value);
}

function prune(now: number): void {
  for (const [key, entry] of store) if (now - entry.updatedAt > KEEP_MS) store.delete(key);
  while (store.size > MAX_ENTRIES) store.delete(store.keys().next().value!);
}

export function writeZipProgress(userId: string, token: string, progress: ZipProgress): void {
  const key = keyOf(userId, token);
  const now = Date.now();
  store.delete(key); // re-inserted last: the map stays in order of last change
  store.set(key, { ...progress, updatedAt: now });
  if (store.size > MAX_ENTRIES || Math.random() < 0.01) prune(now);
}

/** The progress of this person's download, or null (unknown token, someone else's, or expired). */
export function readZipProgress(userId: string, token: string): ZipProgress | null {
  const entry = store.get(keyOf(userId, token));
  if (!entry || Date.now() - entry.updatedAt > KEEP_MS) return null;
  const { updatedAt: _updatedAt, ...progress } = entry;
  return progress;
}
