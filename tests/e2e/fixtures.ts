import { test as base, expect, type BrowserContext, type Page } from "@playwright/test";
import { mkdirSync, readFileSync } from "node:fs";
import { randomUUID } from "node:crypto";
import path from "node:path";
import { encode } from "next-auth/jwt";
import { createUserWithTeam, signUpSchema } from "../../lib/auth/sign-up";
import { resolveAuthSecret } from "../../lib/config/secrets";
import { createDb, type Db } from "../../lib/db/client";

export type NewUser = { name: string; email: string; password: string };
/** A user written by the fixture: their id and their own team's id besides what they typed. */
export type TestUser = NewUser & { id: string; teamId: string };

export function newUser(prefix = "user"): NewUser {
  const id = randomUUID().slice(0, 8);
  return {
    name: `${prefix[0]!.toUpperCase()}${prefix.slice(1)} ${id}`,
    email: `${prefix}-${id}@example.test`,
    password: `pw-${id}-long`,
  };
}

// The e2e server's data folder (scripts/run-e2e.mjs, playwright.config.ts): its SQLite file and
// the session secret scripts/start.ts generated there on first start.
export const e2eDataDir = path.resolve(process.env.E2E_DATA_DIR ?? ".data/e2e");

let studioDb: Db | undefined;
/** The e2e server's own database, through the studio's own client (one per worker). */
function database(): Db {
  return (studioDb ??= createDb(`file:${path.join(e2eDataDir, "studio.db")}`));
}

/**
 * Creates a user and their own team the way the sign-up form does (the same schema, the same
 * lib/auth/sign-up.ts function, the English default team name, locale "en" from an English
 * browser), straight into the e2e server's database. Nobody is signed in yet: see signInAs.
 */
export async function createUser(prefix = "user"): Promise<TestUser> {
  const typed = newUser(prefix);
  const teamName = (
    JSON.parse(readFileSync(path.resolve("lib/i18n/messages/en/shell.json"), "utf8")) as {
      auth: { defaultTeamName: string };
    }
  ).auth.defaultTeamName;
  const input = signUpSchema.parse(typed);
  const { user, team } = await createUserWithTeam(database(), input, teamName.replace("{name}", input.name), "en");
  return { ...typed, id: user.id, teamId: team.id };
}

/**
 * Signs `user` in for every page of `context`: a session cookie as Auth.js would set it after a
 * sign-in (a JWT carrying the user id, encrypted with the server's AUTH_SECRET, salted with the
 * cookie's name; lib/auth/config.ts), then asks the server whose session that is.
 */
export async function signInAs(
  context: BrowserContext,
  user: Pick<TestUser, "id" | "name" | "email">,
  baseURL = base.info().project.use.baseURL,
): Promise<void> {
  if (!baseURL) throw new Error("signInAs needs the studio's baseURL (playwright.config.ts use.baseURL)");
  // Same inputs as scripts/start.ts: a configured AUTH_SECRET, else the one in the data folder.
  const secret = resolveAuthSecret({ configured: process.env.AUTH_SECRET, dataDir: e2eDataDir, production: false });
  const name = `${new URL(baseURL).protocol === "https:" ? "__Secure-" : ""}authjs.session-token`;
  const value = await encode({ token: { sub: user.id, name: user.name, email: user.email }, secret, salt: name });
  await context.addCookies([{ name, value, url: baseURL, httpOnly: true, sameSite: "Lax" }]);
  const session = (await (await context.request.get(new URL("/api/auth/session", baseURL).href)).json()) as {
    user?: { id?: string };
  } | null;
  if (session?.user?.id !== user.id)
    throw new Error(
      `the e2e server did not accept the session cookie for ${user.email} (AUTH_SECRET or the cookie name differ)`,
    );
}

/** Signs up through the real form in English and waits for the studio (tests of the sign-up flow only; others use `login`). */
export async function signUp(page: Page, user: NewUser): Promise<string> {
  await page.goto("/sign-up");
  await page.getByLabel("Name").fill(user.name);
  await page.getByLabel("E-mail").fill(user.email);
  await page.getByLabel("Password").fill(user.password);
  await page.getByRole("button", { name: "Create account" }).click();
  await page.waitForURL(/\/t\/[^/]+\/generate$/);
  return new URL(page.url()).pathname.split("/")[2]!;
}

export async function signIn(page: Page, user: Pick<NewUser, "email" | "password">): Promise<void> {
  await page.goto("/sign-in");
  await page.getByLabel("E-mail").fill(user.email);
  await page.getByLabel("Password").fill(user.password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

/** The message a form shows (Next's route announcer is also role=alert, so scope to the form). */
export function formAlert(page: Page) {
  return page.locator("form").getByRole("alert");
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync("artifacts/screenshots", { recursive: true });
  await page.screenshot({ path: `artifacts/screenshots/${name}.png`, fullPage: true });
}

type Fixtures = {
  consoleErrors: string[];
  /** A new user with their own team, signed in in this test's browser context (no page opened). */
  login: (prefix?: string) => Promise<TestUser>;
};

// Every test runs in English unless it switches, and fails on an unexpected console error.
export const test = base.extend<Fixtures, { closeStudioDb: void }>({
  locale: "en-US",
  login: async ({ context, baseURL }, provide) => {
    await provide(async (prefix) => {
      const user = await createUser(prefix);
      await signInAs(context, user, baseURL);
      return user;
    });
  },
  closeStudioDb: [
    async ({}, use) => {
      await use();
      await studioDb?.$disconnect();
    },
    { scope: "worker", auto: true },
  ],
  consoleErrors: [
    async ({ page }, use) => {
      const errors: string[] = [];
      page.on("console", (msg) => {
        // A 404 page is expected where a test probes another team's URL.
        if (msg.type() === "error" && !/status of 404/.test(msg.text())) errors.push(msg.text());
      });
      page.on("pageerror", (err) => errors.push(err.message));
      await use(errors);
      expect(errors, "unexpected console errors").toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };
