import type { Db } from "./client";
import { SQLITE_OPTIMIZE_ALL_TABLES } from "./migrate";

// SQLite keeps no statistics by itself: lib/db/migrate.ts analyses after migrations, and the sweep
// calls this once an hour so the planner follows the tables as they grow (decision 017).
// PostgreSQL's autovacuum analyses on its own; nothing to do there.

const EVERY_MS = 3_600_000;
let lastRunAt: number | null = null;

/** `PRAGMA optimize` on the app's own connection, at most once per hour; true when it ran. */
export async function keepStatistics(db: Db, provider: "sqlite" | "postgresql", now = new Date()): Promise<boolean> {
  if (provider !== "sqlite") return false;
  if (lastRunAt !== null && now.getTime() - lastRunAt < EVERY_MS) return false;
  lastRunAt = now.getTime();
  await db.$executeRawUnsafe(`PRAGMA optimize = ${SQLITE_OPTIMIZE_ALL_TABLES}`);
  return true;
}
