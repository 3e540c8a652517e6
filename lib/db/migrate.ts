import { createHash, randomUUID } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";

// Applies prisma/migrations/<provider>/*/migration.sql in order and records each in Prisma's own
// _prisma_migrations table (checksum = sha256 of the file), so `prisma migrate deploy` on a
// networked machine sees the same history. Prisma 7's CLI cannot migrate offline (docs/decisions/003).

export type MigrationResult = { applied: string[]; alreadyApplied: number };

type Migration = { name: string; sql: string; checksum: string };

const PRISMA_ADVISORY_LOCK = 72707369; // the key prisma migrate uses, so both never run at once

export function migrationsDir(provider: "sqlite" | "postgresql", root = process.cwd()): string {
  return path.join(root, "prisma/migrations", provider);
}

export function readMigrations(dir: string): Migration[] {
  if (!existsSync(dir)) throw new Error(`No migrations folder at ${dir}`);
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(path.join(dir, d.name, "migration.sql")))
    .map((d) => d.name)
    .sort()
    .map((name) => {
      const sql = readFileSync(path.join(dir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: createHash("sha256").update(sql).digest("hex") };
    });
}

export async function migrateDatabase(
  databaseUrl: string,
  opts: { root?: string; dir?: string } = {},
): Promise<MigrationResult> {
  const provider = databaseUrl.startsWith("file:") ? "sqlite" : "postgresql";
  const migrations = readMigrations(opts.dir ?? migrationsDir(provider, opts.root));
  return provider === "sqlite"
    ? migrateSqlite(sqlitePath(databaseUrl), migrations)
    : migratePostgres(databaseUrl, migrations);
}

export function sqlitePath(databaseUrl: string): string {
  return path.resolve(databaseUrl.replace(/^file:/, "").replace(/\?.*$/, ""));
}

function checkHistory(done: Map<string, string>, migrations: Migration[]): void {
  for (const m of migrations) {
    const recorded = done.get(m.name);
    if (recorded && recorded !== m.checksum) {
      throw new Error(
        `Migration ${m.name} was changed after it was applied (checksum differs). Write a new migration instead.`,
      );
    }
  }
}

function migrateSqlite(file: string, migrations: Migration[]): MigrationResult {
  const db = new Database(file);
  try {
    db.pragma("journal_mode = WAL");
    db.pragma("busy_timeout = 10000");
    db.exec(`CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
      "id" TEXT PRIMARY KEY NOT NULL, "checksum" TEXT NOT NULL, "finished_at" DATETIME,
      "migration_name" TEXT NOT NULL, "logs" TEXT, "rolled_back_at" DATETIME,
      "started_at" DATETIME NOT NULL DEFAULT current_timestamp, "applied_steps_count" INTEGER UNSIGNED NOT NULL DEFAULT 0)`);
    const applied: string[] = [];
    let alreadyApplied = 0;
    for (const m of migrations) {
      // Foreign keys must be off *before* BEGIN: inside a transaction the pragma is a no-op, and a
      // "redefine table" migration (DROP + RENAME of a parent) would cascade-delete its children.
      db.pragma("foreign_keys = OFF");
      db.exec("BEGIN IMMEDIATE");
      try {
        const done = new Map(
          (
            db
              .prepare(
                `SELECT migration_name, checksum FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
              )
              .all() as {
              migration_name: string;
              checksum: string;
            }[]
          ).map((r) => [r.migration_name, r.checksum]),
        );
        checkHistory(done, migrations);
        if (done.has(m.name)) {
          alreadyApplied++;
          db.exec("COMMIT");
          continue;
        }
        const started = new Date().toISOString();
        db.exec(m.sql);
        const violations = db.pragma("foreign_key_check") as unknown[];
        if (violations.length > 0) {
          throw new Error(`Migration ${m.name} leaves ${violations.length} foreign key violation(s); rolled back.`);
        }
        db.prepare(
          `INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, started_at, applied_steps_count) VALUES (?, ?, ?, ?, ?, 1)`,
        ).run(randomUUID(), m.checksum, new Date().toISOString(), m.name, started);
        db.exec("COMMIT");
        applied.push(m.name);
      } catch (error) {
        if (db.inTransaction) db.exec("ROLLBACK");
        throw error;
      } finally {
        db.pragma("foreign_keys = ON");
      }
    }
    checkSqliteSearchIndex(db, applied.length > 0);
    keepSqliteStatistics(db, applied.length > 0);
    return { applied, alreadyApplied };
  } finally {
    db.close();
  }
}

/** The triggers that keep VideoTaskSearch (FTS5, external content) in step with VideoTask. */
export const SQLITE_SEARCH_TRIGGERS = ["VideoTaskSearch_insert", "VideoTaskSearch_delete", "VideoTaskSearch_update"];

/**
 * Prompt search on SQLite is an FTS5 index keyed by VideoTask's rowid, kept by triggers
 * (decision 017). A migration that redefines VideoTask (Prisma's DROP + RENAME) drops the
 * triggers with the old table and may renumber rowids: refuse to start without the triggers, and
 * rebuild the index whenever migrations ran (~1 s per 100,000 prompts).
 */
function checkSqliteSearchIndex(db: Database.Database, migrated: boolean): void {
  const hasIndex = db.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'VideoTaskSearch'`).get();
  if (!hasIndex) return;
  const present = new Set(
    (
      db.prepare(`SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'VideoTask'`).all() as {
        name: string;
      }[]
    ).map((r) => r.name),
  );
  const missing = SQLITE_SEARCH_TRIGGERS.filter((name) => !present.has(name));
  if (missing.length > 0) {
    throw new Error(
      `The prompt search triggers ${missing.join(", ")} are gone (a migration redefined VideoTask?): write a migration that creates them again, as 20261201123730_gallery_indexes_and_prompt_search does.`,
    );
  }
  if (migrated) db.exec(`INSERT INTO "VideoTaskSearch"("VideoTaskSearch") VALUES ('rebuild')`);
}

/**
 * SQLite plans from the statistics ANALYZE stores (sqlite_stat1/stat4); without them it guesses,
 * and guesses wrong at scale (the status route read a whole team through the wrong index, issue 11).
 * After migrations that ran: a full ANALYZE (new indexes need theirs; ~0.3 s per 100,000 tasks).
 * Otherwise `PRAGMA optimize`, which analyses only tables never analysed or whose size changed a
 * lot since (and is nearly free when none did). The sweep repeats it every hour
 * (lib/db/statistics.ts); PostgreSQL's autovacuum keeps its own statistics.
 */
function keepSqliteStatistics(db: Database.Database, migrated: boolean): void {
  if (migrated) db.exec("ANALYZE");
  else db.pragma(`optimize = ${SQLITE_OPTIMIZE_ALL_TABLES}`);
}

/** `PRAGMA optimize` flags: 0x02 analyse where useful, 0x10000 every table (not only those this connection used). */
export const SQLITE_OPTIMIZE_ALL_TABLES = "0x10002";

async function migratePostgres(url: string, migrations: Migration[]): Promise<MigrationResult> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query("SELECT pg_advisory_lock($1)", [PRISMA_ADVISORY_LOCK]);
    await client.query(`CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
      "id" VARCHAR(36) PRIMARY KEY NOT NULL, "checksum" VARCHAR(64) NOT NULL, "finished_at" TIMESTAMPTZ,
      "migration_name" VARCHAR(255) NOT NULL, "logs" TEXT, "rolled_back_at" TIMESTAMPTZ,
      "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(), "applied_steps_count" INTEGER NOT NULL DEFAULT 0)`);
    const rows = await client.query<{ migration_name: string; checksum: string }>(
      `SELECT migration_name, checksum FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
    );
    const done = new Map(rows.rows.map((r) => [r.migration_name, r.checksum]));
    checkHistory(done, migrations);
    const applied: string[] = [];
    for (const m of migrations) {
      if (done.has(m.name)) continue;
      const started = new Date();
      await client.query("BEGIN");
      try {
        await client.query(m.sql);
        await client.query(
          `INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, started_at, applied_steps_count) VALUES ($1, $2, now(), $3, $4, 1)`,
          [randomUUID(), m.checksum, m.name, started],
        );
        await client.query("COMMIT");
        applied.push(m.name);
      } catch (error) {
        await client.query("ROLLBACK");
        throw error;
      }
    }
    // New indexes and tables get their statistics now, not when autovacuum next passes by.
    if (applied.length > 0) await client.query("ANALYZE");
    return { applied, alreadyApplied: done.size };
  } finally {
    await client.query("SELECT pg_advisory_unlock($1)", [PRISMA_ADVISORY_LOCK]).catch(() => {});
    await client.end();
  }
}
