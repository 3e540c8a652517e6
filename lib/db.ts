import { env } from "@/lib/env";
import { createDb, type Db } from "@/lib/db/client";

// One client per process; survives Next's dev hot reloads through globalThis.
const globalForDb = globalThis as unknown as { studioDb?: Db };

export const db: Db = globalForDb.studioDb ?? createDb(env.databaseUrl);
if (!env.production) globalForDb.studioDb = db;

export type { Db };
