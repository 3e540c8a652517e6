import pg from "pg";
import { migrateDatabase } from "../../lib/db/migrate";

/**
 * On PostgreSQL the integration files share one database (tests/support/integration-global-setup.ts).
 * A file that runs a background engine would work on every other file's tasks, so it takes a
 * fresh, migrated database of its own: call this before anything imports lib/db. SQLite files
 * already have their own copy: nothing to do.
 */
export async function takeOwnPostgresDatabase(suffix: string): Promise<void> {
  const url = process.env.DATABASE_URL ?? "";
  if (url.startsWith("file:") || !url) return;
  const parsed = new URL(url);
  const name = `${parsed.pathname.slice(1)}_${suffix}`.slice(0, 60);
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.query(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end();
  }
  parsed.pathname = `/${name}`;
  process.env.DATABASE_URL = parsed.toString();
  await migrateDatabase(process.env.DATABASE_URL);
}
