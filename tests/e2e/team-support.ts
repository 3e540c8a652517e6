import { randomUUID } from "node:crypto";
import path from "node:path";
import Database from "better-sqlite3";
import type { Browser, Page } from "@playwright/test";
import { createUser, e2eDataDir, signInAs, type TestUser } from "./fixtures";

// Helpers for the team browser tests. Charges are written straight into the studio's SQLite file
// (as the video engine would leave them), so spend pages can be checked without rendering videos.
export const dbPath = () => path.join(e2eDataDir, "studio.db");

export function withDb<T>(fn: (db: Database.Database) => T): T {
  const db = new Database(dbPath(), { timeout: 10_000 });
  try {
    return fn(db);
  } finally {
    db.close();
  }
}

export function userIdOf(email: string): string {
  return withDb((db) => (db.prepare("SELECT id FROM User WHERE email = ?").get(email) as { id: string }).id);
}

/** A completed task and its charge, dated `at` (Prisma stores DateTime in SQLite as ISO text with +00:00). */
export function insertCharge(teamId: string, userId: string, cents: number, at: Date, model = "sora-2"): string {
  const taskId = `e2e${randomUUID().replace(/-/g, "").slice(0, 20)}`;
  withDb((db) => {
    const ms = at.toISOString().replace("Z", "+00:00");
    db.prepare(
      `INSERT INTO VideoTask (id, teamId, createdById, idempotencyKey, channel, model, size, seconds, prompt, status, progress, estimateCents, reservedCents, pollCount, archiveStatus, archiveAttempts, createdAt, updatedAt)
       VALUES (?, ?, ?, ?, 'simulator', ?, '720x1280', 4, 'seeded by a test', 'completed', 100, ?, 0, 0, 'none', 0, ?, ?)`,
    ).run(taskId, teamId, userId, randomUUID(), model, cents, ms, ms);
    db.prepare(
      "INSERT INTO Charge (id, teamId, userId, taskId, amountCents, model, size, seconds, createdAt) VALUES (?, ?, ?, ?, ?, ?, '720x1280', 4, ?)",
    ).run(`ch${taskId}`, teamId, userId, taskId, cents, model, ms);
  });
  return taskId;
}

/** A new user with their own team, signed in in their own browser context (English), page not opened at any URL yet. */
export async function person(
  browser: Browser,
  prefix: string,
): Promise<{ page: Page; user: TestUser; teamId: string; close: () => Promise<void> }> {
  const context = await browser.newContext({ locale: "en-US" });
  const user = await createUser(prefix);
  await signInAs(context, user);
  const page = await context.newPage();
  return { page, user, teamId: user.teamId, close: () => context.close() };
}

/** Creates an invite link on the team page and returns it. */
export async function createInviteLink(
  page: Page,
  teamId: string,
  role: "Member" | "Admin" = "Member",
): Promise<string> {
  await page.goto(`/t/${teamId}/team`);
  await page.getByLabel("Role", { exact: true }).selectOption({ label: role });
  await page.getByRole("button", { name: "Create invite link" }).click();
  const link = page.getByLabel("Invite link", { exact: true });
  await link.waitFor();
  return link.inputValue();
}
