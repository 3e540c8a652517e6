// `npm test`: every check, in order — format (Prettier), lint, typecheck, unit, integration (SQLite, or PostgreSQL
// when DATABASE_URL says so), browser tests. Installs Debian's chromium first when missing.
import "./lib/require-node.mjs";
import { spawnSync } from "node:child_process";
import { ensureChromium } from "./lib/ensure-chromium.mjs";
import { e2eTroubleLines } from "./lib/e2e-failures.mjs";

ensureChromium();
const steps = [
  ["format", ["npx", "prettier", "--check", "."]],
  ["lint", ["npx", "eslint", "--max-warnings=0", "."]],
  ["typecheck", ["npx", "tsc", "--noEmit"]],
  ["unit", ["npx", "vitest", "run", "--project", "unit"]],
  ["integration", ["npx", "vitest", "run", "--project", "integration"]],
  ["browser", ["node", "scripts/run-e2e.mjs"]],
];
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
const results = [];
for (const [name, [cmd, ...args]] of steps) {
  console.log(`\n=== ${name}: ${[cmd, ...args].join(" ")}`);
  const started = Date.now();
  const run = spawnSync(cmd, args, { stdio: "inherit", env });
  results.push({ name, ok: run.status === 0, seconds: Math.round((Date.now() - started) / 1000) });
  if (run.status !== 0 && !process.argv.includes("--keep-going")) break;
}
const trouble = results.some((r) => r.name === "browser") ? e2eTroubleLines() : [];
if (trouble.length) console.log(`\n=== browser tests that failed or needed a retry\n${trouble.join("\n")}`);
console.log("\n=== summary");
for (const r of results) console.log(`${r.ok ? "ok  " : "FAIL"} ${r.name} (${r.seconds} s)`);
const failed = results.filter((r) => !r.ok).length + (steps.length - results.length);
console.log(`checks: ${results.filter((r) => r.ok).length} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
