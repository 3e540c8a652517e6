// `npm run db:migrate`: applies pending migrations to DATABASE_URL (default: the SQLite file in the data folder).
import { mkdirSync } from "node:fs";
import path from "node:path";
import { migrateDatabase, sqlitePath } from "../lib/db/migrate";
import { defaultDatabaseUrl, resolveDataDir } from "../lib/config/data-dir";

const url = process.env.DATABASE_URL || defaultDatabaseUrl(resolveDataDir(process.env.STUDIO_DATA_DIR));
if (url.startsWith("file:")) mkdirSync(path.dirname(sqlitePath(url)), { recursive: true });
const result = await migrateDatabase(url);
console.log(
  `Migrations: ${result.applied.length} applied${result.applied.length ? ` (${result.applied.join(", ")})` : ""}, ${result.alreadyApplied} already in place.`,
);
