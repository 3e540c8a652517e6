import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import { createServer } from "node:net";
import path from "node:path";
import { expect, test } from "./fixtures";

// A POST naming a server action this build does not have (a tab opened before a deploy, a bot)
// gets Next's own answer — 409 + x-nextjs-action-not-found, which the browser turns into its
// "reload" error — without a log line per request (proxy.ts, lib/server-actions/unknown-action.ts).
const UNKNOWN = "7f" + "0123456789abcdef".repeat(3).slice(0, 40);
const dataDir = process.env.E2E_DATA_DIR ?? ".data/e2e";
const distDir = process.env.STUDIO_DIST_DIR ?? ".next";

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer().once("error", reject);
    probe.listen(0, () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

/** A second `next start` of the build under test, whose output this test reads. */
async function startWatchedServer(port: number): Promise<{ child: ChildProcess; output: () => string }> {
  let output = "";
  const secret = (name: string) => readFileSync(path.join(dataDir, name), "utf8").trim();
  const child = spawn(path.resolve("node_modules/.bin/next"), ["start", "-p", String(port)], {
    env: {
      ...process.env,
      NODE_ENV: "production",
      STUDIO_DIST_DIR: distDir,
      STUDIO_DATA_DIR: dataDir,
      DATABASE_URL: `file:${path.resolve(dataDir, "studio.db")}`,
      AUTH_SECRET: secret("auth-secret"),
      PROVIDER_KEY_SECRET: secret("provider-key-secret"),
      STUDIO_SWEEP: "off",
      NEXT_TELEMETRY_DISABLED: "1",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout!.on("data", (d: Buffer) => (output += d.toString()));
  child.stderr!.on("data", (d: Buffer) => (output += d.toString()));
  await expect.poll(() => output, { timeout: 30_000 }).toMatch(/Ready in/);
  return { child, output: () => output };
}

test("unknown action ids get Next's answer and leave no line in the server's output", async ({ request }) => {
  test.setTimeout(90_000);
  const port = await freePort();
  const server = await startWatchedServer(port);
  try {
    const base = `http://localhost:${port}`;
    for (const [url, id, status] of [
      ["/sign-in", UNKNOWN, 409],
      ["/t/some-team/generate", UNKNOWN, 409],
      ["/t/some-team/generate", "not-an-action-id", 400],
    ] as const) {
      for (let i = 0; i < 3; i++) {
        const res = await request.post(`${base}${url}`, {
          headers: { "Next-Action": id, Origin: base, "Content-Type": "text/plain;charset=UTF-8" },
          data: "[]",
          maxRedirects: 0,
        });
        expect(res.status()).toBe(status);
        expect(res.headers()["x-nextjs-action-not-found"]).toBe("1");
      }
    }
    // A known page still renders through the same server, and its output is being read.
    expect((await request.get(`${base}/sign-in`)).status()).toBe(200);
    await new Promise((r) => setTimeout(r, 500));
    const log = server.output();
    expect(log).toMatch(/Ready in/);
    expect(log).not.toMatch(/Failed to find Server Action|failed-to-find-server-action|Server Reference ID|Error/i);
  } finally {
    server.child.kill("SIGTERM");
  }
});

test("a stale page's action still gets Next's reload behaviour in the browser", async ({
  page,
  consoleErrors,
  login,
}) => {
  test.setTimeout(60_000);
  const { teamId } = await login("stale");
  await page.goto(`/t/${teamId}/generate`);
  await page.getByLabel("Prompt").fill("A kite over the dunes");
  // As if the page came from an older build: its action id no longer exists on the server.
  await page.route(`**/t/${teamId}/generate`, async (route) => {
    const headers = await route.request().allHeaders();
    if (route.request().method() !== "POST" || !headers["next-action"]) return route.fallback();
    return route.continue({ headers: { ...headers, "next-action": UNKNOWN } });
  });
  const answer = page.waitForResponse(
    (r) => r.request().method() === "POST" && r.url().endsWith(`/t/${teamId}/generate`),
  );
  await page.getByRole("button", { name: "Generate video" }).click();
  const res = await answer;
  expect(res.status()).toBe(409);
  expect(res.headers()["x-nextjs-action-not-found"]).toBe("1");
  await expect(page.getByRole("button", { name: /reload/i })).toBeVisible();
  await expect(page.getByTestId("latest-video")).toHaveCount(0);
  // The browser reports the 409 and Next's UnrecognizedActionError: expected here, nothing else.
  expect(consoleErrors.every((e) => /409|was not found on the server|failed-to-find-server-action/i.test(e))).toBe(
    true,
  );
  consoleErrors.length = 0;
});
