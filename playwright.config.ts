import { defineConfig, devices } from "@playwright/test";

// Browser tests drive the real built studio (scripts/start.ts) in Debian's Chromium. The studio
// runs on its embedded defaults in a throw-away data folder prepared by scripts/run-e2e.mjs.
const port = Number(process.env.E2E_PORT ?? 3210);
const dataDir = process.env.E2E_DATA_DIR ?? ".data/e2e";

export default defineConfig({
  testDir: "tests/e2e",
  outputDir: "test-results",
  fullyParallel: true,
  workers: process.env.CI ? 2 : 2,
  // In CI a failing test runs once more and, if it then passes, is reported as flaky rather than
  // red (decision 131); locally every failure counts at once.
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  // The JSON report feeds the short list of failed and flaky tests `npm test` prints last
  // (scripts/lib/e2e-failures.mjs): CI keeps only the tail of the log.
  reporter: [
    ["list"],
    ["html", { open: "never", outputFolder: "playwright-report" }],
    ["json", { outputFile: "artifacts/e2e-results.json" }],
  ],
  use: {
    baseURL: `http://localhost:${port}`,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"], channel: undefined } }],
  webServer: {
    command: "npx tsx scripts/start.ts",
    url: `http://localhost:${port}/sign-in`,
    // The first start builds the app (scripts/start.ts); on a loaded 2-core machine that took over 4 minutes.
    timeout: 600_000,
    reuseExistingServer: false,
    stdout: "pipe",
    env: {
      PORT: String(port),
      STUDIO_DATA_DIR: dataDir,
      DATABASE_URL: "",
      SIMULATOR_TIME_SCALE: process.env.SIMULATOR_TIME_SCALE ?? "0.02",
      SIGNIN_MAX_FAILURES: "5",
      STUDIO_DIST_DIR: process.env.STUDIO_DIST_DIR ?? ".next",
      SIMULATOR_CONTROL: "on",
      STUDIO_POLL_SCALE: process.env.STUDIO_POLL_SCALE ?? "0.2",
      // notifications.spec.ts sends to a receiver on 127.0.0.1 (decision 042).
      STUDIO_WEBHOOK_PRIVATE_TARGETS: "allow",
    },
  },
});
