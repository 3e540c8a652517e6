// Runs the Playwright suite: installs Debian's chromium when missing (no browser download from
// outside), starts from an empty data folder, then hands over to `playwright test`.
import { spawnSync } from "node:child_process";
import { rmSync } from "node:fs";
import { ensureChromium } from "./lib/ensure-chromium.mjs";

ensureChromium();
const dataDir = process.env.E2E_DATA_DIR ?? ".data/e2e";
rmSync(dataDir, { recursive: true, force: true });
rmSync("artifacts/screenshots", { recursive: true, force: true });
rmSync("artifacts/e2e-results.json", { force: true });
const result = spawnSync("npx", ["playwright", "test", ...process.argv.slice(2)], {
  stdio: "inherit",
  env: { ...process.env, E2E_DATA_DIR: dataDir },
});
process.exit(result.status ?? 1);
