// `npm start`: the one command that runs the studio on the embedded defaults. It prepares the data
// folder (SQLite file, generated secret), applies migrations, builds when the sources changed,
// then runs `next start` on PORT (default 3000). No .env needed; see README "Quick start".
import "./lib/require-node.mjs";
import { spawn, spawnSync } from "node:child_process";
import { mkdirSync } from "node:fs";
import path from "node:path";
import { MissingSecretError, resolveAuthSecret, resolveSecret } from "../lib/config/secrets";
import { defaultDatabaseUrl, resolveDataDir } from "../lib/config/data-dir";
import { migrateDatabase, sqlitePath } from "../lib/db/migrate";
import { withServerMemoryDefaults } from "../lib/config/server-memory";
import { buildState } from "./lib/build-stamp";

const root = path.resolve(import.meta.dirname, "..");
const production = process.env.NODE_ENV === "production";
const dataDir = resolveDataDir(process.env.STUDIO_DATA_DIR);
const databaseUrl = process.env.DATABASE_URL || defaultDatabaseUrl(dataDir);
const port = process.env.PORT || "3000";

function fail(message: string): never {
  console.error(`\nSora Studio cannot start: ${message}\n`);
  process.exit(1);
}

let secret: string;
let providerKeySecret: string;
try {
  secret = resolveAuthSecret({ configured: process.env.AUTH_SECRET, dataDir, production });
  // `next start` runs with NODE_ENV=production, where lib/env.ts refuses to generate secrets:
  // resolve (or generate, outside production) the provider-key secret here, like AUTH_SECRET.
  providerKeySecret = resolveSecret({
    variable: "PROVIDER_KEY_SECRET",
    file: "provider-key-secret",
    configured: process.env.PROVIDER_KEY_SECRET,
    dataDir,
    production,
  });
} catch (error) {
  if (error instanceof MissingSecretError) fail(error.message);
  throw error;
}

if (databaseUrl.startsWith("file:")) mkdirSync(path.dirname(sqlitePath(databaseUrl)), { recursive: true });
const migrated = await migrateDatabase(databaseUrl, { root }).catch((error: unknown) =>
  fail(
    `the database at ${databaseUrl.replace(/\/\/[^@]*@/, "//***@")} could not be migrated: ${(error as Error).message}`,
  ),
);
console.log(
  `Database ready (${migrated.applied.length} migration(s) applied, ${migrated.alreadyApplied} already in place).`,
);

// Rebuild when any source is newer than the last build, so `git pull && npm start` just works.
const distDir = path.join(root, process.env.STUDIO_DIST_DIR || ".next");
const build = buildState(root, distDir);
const childEnv = {
  ...process.env,
  AUTH_SECRET: secret,
  PROVIDER_KEY_SECRET: providerKeySecret,
  NEXT_TELEMETRY_DISABLED: "1",
  STUDIO_DATA_DIR: dataDir,
  DATABASE_URL: databaseUrl,
};
const nextBin = path.join(root, "node_modules/.bin/next");
if (build.stale || process.env.STUDIO_REBUILD === "1") {
  console.log("Building the studio (first start or changed sources)…");
  const built = spawnSync(nextBin, ["build"], { cwd: root, stdio: "inherit", env: childEnv });
  if (built.status !== 0) fail("the build failed (see above).");
  build.markBuilt();
}

console.log(`Starting Sora Studio on http://localhost:${port}`);
// The server's memory goes back after a burst of downloads (decision 134; an operator's values win).
const server = spawn(nextBin, ["start", "-p", port], {
  cwd: root,
  stdio: "inherit",
  env: withServerMemoryDefaults(childEnv),
});
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 0));
