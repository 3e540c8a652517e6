// The memory settings `npm start` gives `next start` (decision 134): after a burst of video
// downloads the server's RSS goes back to where it was. Measured with bench/media-serving.ts
// (three rounds of the whole load, 64 MB files, Range requests and small files): with Node's and
// glibc's defaults the RSS went 217 → 278 → 286 → 379 MB after each round (a GC and 2 s idle
// each time); with these, 187 → 186 → 190 → 205 MB, and 64 MB files still streamed at 0.80–1.21×
// nginx. What each part is for (measured together; only the mmap threshold also on its own):
// - glibc's malloc keeps the heap pages that freed 256 KiB read chunks leave behind: its mmap
//   threshold grows with the load (chunks move from mmap to the heap), and the heap is trimmed only
//   from its top. A fixed trim threshold gives space at the top back at once; a fixed mmap
//   threshold of 4 MiB keeps the chunks on the heap. (A low one, 64 KiB, also gave the memory
//   back, but mapped and zeroed every chunk: 64 MB files fell to 0.41–0.48× nginx.) Two arenas
//   instead of glibc's up to eight per core, so other threads do not keep arenas of their own.
// - V8 grows its young generation under a high allocation rate and keeps it (heap total 173–213 MB
//   for 36–41 MB in use); 16 MB semi-spaces keep it at ~40–90 MB.
// An operator's own value of any of these wins; STUDIO_MEMORY_DEFAULTS=off sets none.

const MALLOC_DEFAULTS = {
  MALLOC_ARENA_MAX: "2",
  MALLOC_MMAP_THRESHOLD_: String(4 * 1024 * 1024),
  MALLOC_TRIM_THRESHOLD_: String(128 * 1024),
} as const;

const SEMI_SPACE = "--max-semi-space-size=16";

/** The environment `next start` gets: `env` with the memory settings it does not already have. */
export function withServerMemoryDefaults<E extends Record<string, string | undefined>>(env: E): E {
  if (env.STUDIO_MEMORY_DEFAULTS === "off") return { ...env };
  const result: Record<string, string | undefined> = { ...env };
  for (const [name, value] of Object.entries(MALLOC_DEFAULTS)) if (!result[name]) result[name] = value;
  const options = result.NODE_OPTIONS ?? "";
  if (!/--(max-)?semi-space-size/.test(options)) result.NODE_OPTIONS = `${options} ${SEMI_SPACE}`.trim();
  return result as E;
}
