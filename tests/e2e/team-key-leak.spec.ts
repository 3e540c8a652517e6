import { mkdtemp, readdir, readFile, rm, stat } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { Browser } from "@playwright/test";
import { startStandaloneSimulator } from "../../lib/simulator/standalone";
import { expect, screenshot, test } from "./fixtures";
import { dbPath, person } from "./team-support";

const KEY = "sk-live-TESTKEY-1234567890abcdef";
const FRAGMENTS = [KEY, "TESTKEY-1234567890", "1234567890abcdef"];

async function* files(dir: string): AsyncGenerator<string> {
  for (const entry of await readdir(dir, { withFileTypes: true }).catch(() => [])) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* files(full);
    else yield full;
  }
}

test("a provider key never reaches the browser: not in any answer, page or JavaScript chunk", async ({ browser }) => {
  // Add, test, edit twice and test again, then every page and chunk: more than a minute on 2 busy cores.
  test.setTimeout(150_000);
  // A relay that accepts any key: a standalone simulator. (The studio's embedded simulator accepts
  // only the studio's own key, docs/decisions/014-simulator-keys-and-scoping.md.)
  const relayDir = await mkdtemp(path.join(os.tmpdir(), "e2e-relay-"));
  const relay = await startStandaloneSimulator({ dataDir: relayDir, log: () => undefined });
  try {
    await keyNeverLeaks(browser, `${relay.url}/v1`);
  } finally {
    await relay.close();
    await rm(relayDir, { recursive: true, force: true });
  }
});

async function keyNeverLeaks(browser: Browser, relayBaseUrl: string): Promise<void> {
  const owner = await person(browser, "keyholder");
  const page = owner.page;
  const seen: string[] = [];
  // Every answer the browser gets from now on: status line, headers and body.
  page.on("response", async (response) => {
    const headers = JSON.stringify(await response.allHeaders());
    const body = await response.body().catch(() => Buffer.alloc(0));
    seen.push(`${response.url()}\n${headers}\n${body.toString("utf8")}`);
  });

  await page.goto(`/t/${owner.teamId}/team/provider`);
  const add = page.locator("form").filter({ has: page.getByRole("button", { name: "Add connection" }) });
  await add.getByLabel("Kind of connection").selectOption("custom-openai");
  await add.getByLabel("Name", { exact: true }).fill("Relay");
  await add.getByLabel("Base URL", { exact: true }).fill(relayBaseUrl);
  await add.getByLabel("API key", { exact: true }).fill(KEY);
  await add.getByRole("button", { name: "Add connection" }).click();
  await expect(page.getByText("Connection added.", { exact: false })).toBeVisible();
  const card = page.getByTestId("connection").filter({ hasText: "Relay" });
  await expect(card.getByText("••••cdef").first()).toBeVisible();
  // The form went back to its default kind; no field holds the key any more.
  await expect(add.getByLabel("Kind of connection")).toHaveValue("simulator-relay");
  expect(
    await add.locator("input").evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).value)),
  ).not.toContain(KEY);
  await card.getByRole("button", { name: "Test connection" }).click();
  await expect(card.getByText("Connection works: the provider accepted the key.")).toBeVisible({ timeout: 30_000 });
  await screenshot(page, "team-provider-en");

  // A key the provider rejects, then one that points nowhere: clear answers, no key in them.
  const edit = async (values: { baseUrl?: string; apiKey: string }) => {
    await card.getByText("Edit", { exact: true }).click();
    if (values.baseUrl) await card.getByLabel("Base URL", { exact: true }).fill(values.baseUrl);
    await card.getByLabel("API key", { exact: true }).fill(values.apiKey);
    await card.getByRole("button", { name: "Save changes" }).click();
    await expect(card.getByText("Connection saved.")).toBeVisible();
    await expect(card.getByLabel("API key", { exact: true })).toHaveValue("");
  };
  await edit({ apiKey: "sk-invalid-for-sure-0000" });
  await card.getByRole("button", { name: "Test connection" }).click();
  await expect(card.getByText(/The provider rejected the key \(HTTP 401\)/)).toBeVisible({ timeout: 30_000 });
  await page.reload();
  await edit({ baseUrl: "http://127.0.0.1:9/v1", apiKey: KEY });
  await card.getByRole("button", { name: "Test connection" }).click();
  // The test waits up to 10 s for the provider; on a busy 2-core machine give it room.
  await expect(card.getByText(/could not be reached/)).toBeVisible({ timeout: 30_000 });

  for (const section of ["generate", "gallery", "team", "team/provider", "team/audit", "spend", "settings"]) {
    await page.goto(`/t/${owner.teamId}/${section}`);
    seen.push(await page.content());
  }
  seen.push(await (await page.request.get(`/api/teams/${owner.teamId}/spend/csv`)).text());
  await page.waitForTimeout(300);

  expect(seen.length).toBeGreaterThan(10);
  for (const text of seen)
    for (const fragment of FRAGMENTS)
      expect(text.includes(fragment), `${fragment} in ${text.slice(0, 120)}`).toBe(false);

  // Every built JavaScript chunk (client and server) of this build.
  const distDir = path.resolve(process.env.STUDIO_DIST_DIR ?? ".next");
  let chunks = 0;
  for await (const file of files(distDir)) {
    if (!/\.(m?js|json|html|rsc|body)$/.test(file) || file.includes(`${path.sep}cache${path.sep}`)) continue;
    if ((await stat(file)).size > 20_000_000) continue;
    chunks += 1;
    const text = await readFile(file, "utf8");
    for (const fragment of FRAGMENTS) expect(text.includes(fragment), `${fragment} in ${file}`).toBe(false);
  }
  expect(chunks).toBeGreaterThan(20);

  // At rest: the database file holds ciphertext only.
  for (const suffix of ["", "-wal", "-journal"]) {
    const raw = await readFile(`${dbPath()}${suffix}`).catch(() => Buffer.alloc(0));
    for (const fragment of FRAGMENTS)
      expect(raw.includes(Buffer.from(fragment)), `${fragment} in studio.db${suffix}`).toBe(false);
  }
  await owner.close();
}
