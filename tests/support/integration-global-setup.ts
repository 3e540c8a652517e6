import { mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { migrateDatabase } from "../../lib/db/migrate";
import { assertLocalDatabase } from "./local-database";

// One migrated base database per run. SQLite: a base file that each test file copies (so every
// file starts clean and fast). PostgreSQL (DATABASE_URL=postgresql://…): migrated once, shared;
// tests create their own users and teams with random ids, so they never collide.
// Each run has its own folder (several runs may share a checkout) and removes it when done.
// A DATABASE_URL on another host is refused unless INTEGRATION_ALLOW_REMOTE_DATABASE=1 (./local-database.ts).
export default async function setup(project: TestProject): Promise<(() => void) | undefined> {
  const url = process.env.DATABASE_URL;
  if (url && !url.startsWith("file:")) {
    assertLocalDatabase(url);
    await migrateDatabase(url);
    project.provide("databaseUrl", url);
    return undefined;
  }
  const dir = path.resolve(`.data/test/run-${process.pid}`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const base = path.join(dir, "base.db");
  await migrateDatabase(`file:${base}`);
  project.provide("databaseUrl", `file:${base}`);
  return () => rmSync(dir, { recursive: true, force: true });
}

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
  }
}
