import path from "node:path";

// The one place that decides where the studio keeps its files when nothing is configured.
// Kept free of zod and server-only so scripts (start, migrate) can import it too.
export function resolveDataDir(raw: string | undefined): string {
  return path.resolve(raw && raw.trim() ? raw : "data");
}

export function defaultDatabaseUrl(dataDir: string): string {
  return `file:${path.join(dataDir, "studio.db")}`;
}
