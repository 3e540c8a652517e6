import { copyFileSync } from "node:fs";
import { randomUUID } from "node:crypto";
import path from "node:path";
import { inject } from "vitest";

// Runs before each integration test file, before it imports anything of ours: points
// DATABASE_URL at a fresh copy of the migrated base (SQLite) or at the shared PostgreSQL database.
const base = inject("databaseUrl");
if (base.startsWith("file:")) {
  const copy = path.join(path.dirname(base.slice(5)), `${randomUUID()}.db`);
  copyFileSync(base.slice(5), copy);
  process.env.DATABASE_URL = `file:${copy}`;
} else {
  process.env.DATABASE_URL = base;
}
process.env.STUDIO_DATA_DIR ??= path.resolve(".data/test/studio");
