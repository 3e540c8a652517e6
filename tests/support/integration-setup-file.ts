import { copyFileSync, mkdtempSync } from "node:fs";
import { randomUUID } from "node:crypto";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, inject } from "vitest";
import { startStandaloneSimulator } from "../../lib/simulator/standalone";

// Runs before each integration test file, before it imports anything of ours:
// - DATABASE_URL → a fresh copy of the migrated base (SQLite) or the shared PostgreSQL database;
// - a real simulator of the provider on a free port (SIMULATOR_BASE_URL), 100× faster than life;
// - its own storage folder; polling intervals shrunk; no background sweep (tests drive it).
const base = inject("databaseUrl");
if (base.startsWith("file:")) {
  const copy = path.join(path.dirname(base.slice(5)), `${randomUUID()}.db`);
  copyFileSync(base.slice(5), copy);
  process.env.DATABASE_URL = `file:${copy}`;
} else {
  process.env.DATABASE_URL = base;
}
const scratch = mkdtempSync(path.join(tmpdir(), "studio-it-"));
process.env.STUDIO_DATA_DIR ??= path.join(scratch, "data");
process.env.STORAGE_DIR = path.join(scratch, "media");
process.env.STUDIO_POLL_SCALE = "0.01";
process.env.STUDIO_SWEEP = "off";
process.env.PROVIDER_CREATE_TIMEOUT_MS ??= "1500";

const simulator = await startStandaloneSimulator({
  dataDir: path.join(scratch, "simulator"),
  timeScale: 0.01,
  log: () => undefined,
});
process.env.SIMULATOR_BASE_URL = `${simulator.url}/v1`;
process.env.SIMULATOR_CONTROL_URL = `${simulator.url}/__simulator`;
afterAll(() => simulator.close());
