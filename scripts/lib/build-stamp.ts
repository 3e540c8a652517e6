import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";

// Is the build in `distDir` as new as the sources? `npm start` and the multi-instance run build
// only when a source changed since the last build (or there is none), so `git pull && npm start`
// just works and an unchanged tree starts at once.
const SOURCES = [
  "app",
  "components",
  "lib",
  "proxy.ts",
  "next.config.ts",
  "package.json",
  "tailwind.config.ts",
  "instrumentation.ts",
];

function newestMtime(p: string): number {
  if (!existsSync(p)) return 0;
  const st = statSync(p);
  if (!st.isDirectory()) return st.mtimeMs;
  if (p.endsWith(`${path.sep}generated`)) return 0;
  return Math.max(st.mtimeMs, ...readdirSync(p).map((n) => newestMtime(path.join(p, n))));
}

/** `stale`: no build, or a source newer than it; `markBuilt()` after a successful build. */
export function buildState(root: string, distDir: string): { stale: boolean; markBuilt: () => void } {
  const stampFile = path.join(distDir, "studio-build-stamp");
  const sourcesAt = Math.max(...SOURCES.map((s) => newestMtime(path.join(root, s))));
  const builtAt = existsSync(stampFile) ? Number(readFileSync(stampFile, "utf8")) : 0;
  return {
    stale: !existsSync(path.join(distDir, "BUILD_ID")) || sourcesAt > builtAt,
    markBuilt: () => writeFileSync(stampFile, String(sourcesAt)),
  };
}
