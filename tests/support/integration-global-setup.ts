import { mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { migrateDatabase } from "../../lib/db/migrate";

// One migrated base database per run. SQLite: a base file that each test file copies (so every
// file starts clean and fast). PostgreSQL (DATABASE_URL=postgresql://…): migrated once, shared;
// tests create their own users and teams with random ids, so they never collide.
export default async function setup(project: TestProject): Promise<void> {
  const url = process.env.DATABASE_URL;
  if (url && !url.startsWith("file:")) {
    await migrateDatabase(url);
    project.provide("databaseUrl", url);
    return;
  }
  const dir = path.resolve(".data/test");
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const base = path.join(dir, "base.db");
  await migrateDatabase(`file:${base}`);
  project.provide("databaseUrl", `file:${base}`);
}

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
  }
}
