// Server actions across instances, in a real browser (Debian's chromium through Playwright): a
// page is loaded from one instance and its server actions are answered by the other, through nginx
// (the X-Harness-Instance header pins each request; X-Harness-Upstream says who answered).
//   1. sign up: the form from A, the sign-up action answered by B;
//   2. create an API token: Team → API from B, the action answered by A.
// Both are real actions (Auth.js session cookie written by B and read by A, the token stored by A
// and used by either instance afterwards), so they work only when both instances agree on the
// action ids, their encryption key and AUTH_SECRET.
import { chromium, type Page } from "@playwright/test";
import { randomUUID } from "node:crypto";

export type ActionCheck = { name: string; page: string; action: string; actionStatuses: number[] };
export type BrowserResult = { teamId: string; cookie: string; token: string; checks: ActionCheck[] };

type Instance = "a" | "b";

/** Pins documents and assets to `pageFrom` and server actions (Next-Action header) to `actionsTo`. */
async function pin(page: Page, base: string, pageFrom: Instance, actionsTo: Instance, who: (addr: string) => string) {
  const seen = { page: new Set<string>(), action: new Set<string>(), actionStatuses: [] as number[] };
  await page.unroute("**/*");
  await page.route(`${base}/**`, (route) => {
    const headers = route.request().headers();
    const target = headers["next-action"] ? actionsTo : pageFrom;
    return route.continue({ headers: { ...headers, "x-harness-instance": target } });
  });
  page.removeAllListeners("response");
  page.on("response", (response) => {
    const request = response.request();
    const upstream = response.headers()["x-harness-upstream"];
    if (!upstream) return;
    if (request.headers()["next-action"]) {
      seen.action.add(who(upstream));
      seen.actionStatuses.push(response.status());
    } else if (request.resourceType() === "document") seen.page.add(who(upstream));
  });
  return seen;
}

export async function exerciseServerActions(base: string, who: (addr: string) => string): Promise<BrowserResult> {
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium" });
  try {
    const context = await browser.newContext({ baseURL: base, locale: "en-US" });
    const page = await context.newPage();
    page.setDefaultTimeout(60_000);
    const checks: ActionCheck[] = [];
    const record = (name: string, seen: Awaited<ReturnType<typeof pin>>) =>
      checks.push({
        name,
        page: [...seen.page].join("+"),
        action: [...seen.action].join("+"),
        actionStatuses: seen.actionStatuses,
      });

    // 1. Sign up: form from A, action on B.
    let seen = await pin(page, base, "a", "b", who);
    const id = randomUUID().slice(0, 8);
    await page.goto("/sign-up");
    await page.getByLabel("Name").fill(`Harness ${id}`);
    await page.getByLabel("E-mail").fill(`harness-${id}@example.test`);
    await page.getByLabel("Password").fill(`pw-${id}-long`);
    await page.getByRole("button", { name: "Create account" }).click();
    await page.waitForURL(/\/t\/[^/]+\/generate$/);
    const teamId = new URL(page.url()).pathname.split("/")[2]!;
    record("sign up", seen);

    // 2. Create an API token: page from B, action on A.
    seen = await pin(page, base, "b", "a", who);
    await page.goto(`/t/${teamId}/team/api`);
    await page.getByLabel("Name").fill("Multi-instance harness");
    await page.getByRole("button", { name: "Create token" }).click();
    const token = await page.getByLabel("Your new token").inputValue();
    if (!token.startsWith("sst_")) throw new Error(`the token page showed no token (got '${token}')`);
    record("create API token", seen);

    const cookie = (await context.cookies(base)).map((c) => `${c.name}=${c.value}`).join("; ");
    return { teamId, cookie, token, checks };
  } finally {
    await browser.close();
  }
}
