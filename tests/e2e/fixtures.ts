import { test as base, expect, type Page } from "@playwright/test";
import { mkdirSync } from "node:fs";
import { randomUUID } from "node:crypto";

export type NewUser = { name: string; email: string; password: string };

export function newUser(prefix = "user"): NewUser {
  const id = randomUUID().slice(0, 8);
  return { name: `${prefix[0]!.toUpperCase()}${prefix.slice(1)} ${id}`, email: `${prefix}-${id}@example.test`, password: `pw-${id}-long` };
}

/** Signs up through the real form in English and waits for the studio. */
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

// Every test runs in English unless it switches, and fails on an unexpected console error.
export const test = base.extend<{ consoleErrors: string[] }>({
  locale: "en-US",
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
