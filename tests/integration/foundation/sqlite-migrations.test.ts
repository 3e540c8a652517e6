import { mkdtempSync, mkdirSync, writeFileSync, readFileSync } from "node:fs";
import { createHash } from "node:crypto";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { cpSync, readdirSync } from "node:fs";
import { migrateDatabase, migrationsDir } from "@/lib/db/migrate";

// The toolchain's data-loss trap: Prisma's SQLite "redefine table" migrations say
// PRAGMA foreign_keys=OFF, which is a no-op inside a transaction; with foreign keys enforced,
// DROP TABLE of a parent cascade-deletes every child row. Our runner must keep the children.
const CREATE = `
CREATE TABLE "Team" ("id" TEXT NOT NULL PRIMARY KEY, "name" TEXT NOT NULL);
CREATE TABLE "Video" ("id" TEXT NOT NULL PRIMARY KEY, "teamId" TEXT NOT NULL,
  CONSTRAINT "Video_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team" ("id") ON DELETE CASCADE ON UPDATE CASCADE);
`;
// The shape prisma migrate diff emits when a column is added with a default to a parent table.
const REDEFINE_PARENT = `-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Team" ("id" TEXT NOT NULL PRIMARY KEY, "name" TEXT NOT NULL, "budgetCents" INTEGER NOT NULL DEFAULT 0);
INSERT INTO "new_Team" ("id", "name") SELECT "id", "name" FROM "Team";
DROP TABLE "Team";
ALTER TABLE "new_Team" RENAME TO "Team";
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
`;

function migrationsFolder(steps: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), "studio-migrations-"));
  for (const [name, sql] of Object.entries(steps)) {
    mkdirSync(path.join(dir, name));
    writeFileSync(path.join(dir, name, "migration.sql"), sql);
  }
  return dir;
}

function seed(file: string): void {
  const db = new Database(file);
  db.pragma("foreign_keys = ON");
  db.prepare(`INSERT INTO "Team" (id, name) VALUES ('t1', 'Night Shift')`).run();
  const insert = db.prepare(`INSERT INTO "Video" (id, teamId) VALUES (?, 't1')`);
  for (let i = 0; i < 25; i++) insert.run(`v${i}`);
  db.close();
}

describe("SQLite migration runner", () => {
  it("keeps child rows when a migration redefines their parent table", async () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), "studio-db-")), "fk.db");
    const first = migrationsFolder({ "001_init": CREATE });
    await migrateDatabase(`file:${file}`, { dir: first });
    seed(file);

    const second = migrationsFolder({ "001_init": CREATE, "002_team_budget": REDEFINE_PARENT });
    const result = await migrateDatabase(`file:${file}`, { dir: second });
    expect(result.applied).toEqual(["002_team_budget"]);

    const db = new Database(file, { readonly: true });
    expect(db.prepare(`SELECT count(*) AS n FROM "Video"`).get()).toEqual({ n: 25 });
    expect(db.prepare(`SELECT budgetCents FROM "Team" WHERE id = 't1'`).get()).toEqual({ budgetCents: 0 });
    expect(db.pragma("foreign_key_check")).toEqual([]);
    db.close();
  });

  it("the trap is real: the same SQL inside a transaction with foreign keys on deletes the children", () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), "studio-db-")), "naive.db");
    const db = new Database(file);
    db.exec(CREATE);
    db.close();
    seed(file);
    const naive = new Database(file);
    naive.pragma("foreign_keys = ON");
    naive.transaction(() => naive.exec(REDEFINE_PARENT))();
    expect(naive.prepare(`SELECT count(*) AS n FROM "Video"`).get()).toEqual({ n: 0 });
    naive.close();
  });

  it("records each migration in _prisma_migrations with the file's sha256, and runs it once", async () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), "studio-db-")), "history.db");
    const dir = migrationsFolder({ "001_init": CREATE });
    await migrateDatabase(`file:${file}`, { dir });
    const again = await migrateDatabase(`file:${file}`, { dir });
    expect(again).toEqual({ applied: [], alreadyApplied: 1 });
    const db = new Database(file, { readonly: true });
    const rows = db.prepare(`SELECT migration_name, checksum, finished_at FROM "_prisma_migrations"`).all() as {
      migration_name: string;
      checksum: string;
      finished_at: string;
    }[];
    db.close();
    const expected = createHash("sha256")
      .update(readFileSync(path.join(dir, "001_init/migration.sql")))
      .digest("hex");
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ migration_name: "001_init", checksum: expected });
    expect(rows[0]!.finished_at).toBeTruthy();
  });

  it("refuses a migration that was edited after it was applied", async () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), "studio-db-")), "edited.db");
    await migrateDatabase(`file:${file}`, { dir: migrationsFolder({ "001_init": CREATE }) });
    await expect(
      migrateDatabase(`file:${file}`, { dir: migrationsFolder({ "001_init": `${CREATE}\n-- edited` }) }),
    ).rejects.toThrow(/changed after it was applied/);
  });

  it("rolls back a migration that leaves foreign key violations", async () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), "studio-db-")), "violation.db");
    await migrateDatabase(`file:${file}`, { dir: migrationsFolder({ "001_init": CREATE }) });
    seed(file);
    const orphaning = `PRAGMA foreign_keys=OFF;\nDELETE FROM "Team";\nPRAGMA foreign_keys=ON;`;
    await expect(
      migrateDatabase(`file:${file}`, { dir: migrationsFolder({ "001_init": CREATE, "002_orphan": orphaning }) }),
    ).rejects.toThrow(/foreign key violation/);
    const db = new Database(file, { readonly: true });
    expect(db.prepare(`SELECT count(*) AS n FROM "Team"`).get()).toEqual({ n: 1 });
    expect(db.prepare(`SELECT count(*) AS n FROM "_prisma_migrations"`).get()).toEqual({ n: 1 });
    db.close();
  });

  it("our own migrations keep memberships when they redefine the Team table", async () => {
    const real = migrationsDir("sqlite");
    const names = readdirSync(real)
      .filter((n) => /^\d/.test(n))
      .sort();
    const redefining = names.findIndex((n) =>
      /DROP TABLE "Team"/.test(readFileSync(path.join(real, n, "migration.sql"), "utf8")),
    );
    expect(redefining, "a migration that redefines Team").toBeGreaterThan(0);
    const before = mkdtempSync(path.join(tmpdir(), "studio-real-"));
    for (const n of names.slice(0, redefining)) cpSync(path.join(real, n), path.join(before, n), { recursive: true });
    const file = path.join(mkdtempSync(path.join(tmpdir(), "studio-db-")), "real.db");
    await migrateDatabase(`file:${file}`, { dir: before });
    const db = new Database(file);
    db.prepare(`INSERT INTO "User" (id, email, updatedAt) VALUES ('u1', 'a@example.test', CURRENT_TIMESTAMP)`).run();
    db.prepare(`INSERT INTO "Team" (id, name, updatedAt) VALUES ('t1', 'Night Shift', CURRENT_TIMESTAMP)`).run();
    db.prepare(`INSERT INTO "Membership" (id, teamId, userId, role) VALUES ('m1', 't1', 'u1', 'OWNER')`).run();
    db.close();
    await migrateDatabase(`file:${file}`, { dir: real });
    const after = new Database(file, { readonly: true });
    expect(after.prepare(`SELECT teamId, userId, role FROM "Membership"`).all()).toEqual([
      { teamId: "t1", userId: "u1", role: "OWNER" },
    ]);
    after.close();
  });
});
