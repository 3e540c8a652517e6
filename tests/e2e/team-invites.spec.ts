import { expect, screenshot, test } from "./fixtures";
import { createInviteLink, person } from "./team-support";

test("an owner invites by link; a new person signs up through it and joins as a member; roles change what they see", async ({
  browser,
}) => {
  // Two sign-ups and a tour of the team pages as each role (47 s on a quiet machine).
  test.setTimeout(150_000);
  const owner = await person(browser, "owner");
  const link = await createInviteLink(owner.page, owner.teamId, "Member");
  expect(link).toMatch(/\/invite\/[A-Za-z0-9_-]{43}$/);
  await screenshot(owner.page, "team-members-owner-en");

  // A second person, signed out, in another browser context.
  const context = await browser.newContext({ locale: "en-US" });
  const page = await context.newPage();
  await page.goto(link);
  await expect(page.getByRole("heading", { name: /^Join / })).toBeVisible();
  await expect(page.getByText("You are invited to join this team as Member.")).toBeVisible();
  await screenshot(page, "invite-signed-out-en");
  await page.getByRole("link", { name: "Create an account to join" }).click();
  await page.getByLabel("Name").fill("Nina Newcomer");
  const email = `nina-${Date.now()}@example.test`;
  await page.getByLabel("E-mail").fill(email);
  await page.getByLabel("Password").fill("nina-password-1");
  await page.getByRole("button", { name: "Create account" }).click();
  // Back on the invite, signed in now.
  await page.waitForURL(/\/invite\//);
  await page.getByRole("button", { name: /^Join / }).click();
  await page.waitForURL(`**/t/${owner.teamId}/generate`);
  await expect(page.getByLabel("Switch team").locator("option:checked")).toHaveText(/· Member$/);

  // As a member: the team page has no provider or audit tab, and the provider page says no.
  await page.goto(`/t/${owner.teamId}/team`);
  await expect(page.getByRole("heading", { name: "Team", exact: true })).toBeVisible();
  await expect(page.getByRole("link", { name: "Connections" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Create invite link" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Leave team" })).toBeVisible();
  await page.goto(`/t/${owner.teamId}/team/provider`);
  await expect(page.getByText("Not available for your role")).toBeVisible();
  await expect(page.getByLabel("API key", { exact: true })).toHaveCount(0);
  await page.goto(`/t/${owner.teamId}/team/audit`);
  await expect(page.getByText("Not available for your role")).toBeVisible();

  // The owner sees the new member and makes them an admin.
  await owner.page.goto(`/t/${owner.teamId}/team`);
  const row = owner.page.getByRole("listitem").filter({ hasText: email });
  await expect(row.getByText("Member", { exact: true }).first()).toBeVisible();
  await row.getByText("Manage Nina Newcomer").click();
  await row.getByLabel("Role of Nina Newcomer").selectOption("ADMIN");
  await row.getByRole("button", { name: "Save role" }).click();
  await expect(row.getByText("Role saved.")).toBeVisible();
  await expect(row.getByText("Admin", { exact: true }).first()).toBeVisible();

  // Now an admin: the provider page opens.
  await page.goto(`/t/${owner.teamId}/team/provider`);
  await expect(page.getByRole("heading", { name: "Connections", exact: true })).toBeVisible();
  await expect(page.getByRole("link", { name: "Audit log" })).toBeVisible();

  // The audit log tells the story, newest first.
  await owner.page.goto(`/t/${owner.teamId}/team/audit`);
  const entries = owner.page.getByRole("list", { name: "Audit log" }).getByRole("listitem");
  await expect(entries.nth(0)).toContainText("changed the role of Nina Newcomer from Member to Admin");
  await expect(entries.nth(1)).toContainText("Nina Newcomer joined as Member");
  await screenshot(owner.page, "team-audit-en");

  // The link worked once.
  await page.goto(link);
  await expect(page.getByRole("heading", { name: "This invite link was already used" })).toBeVisible();
  await context.close();
  await owner.close();
});

test("a revoked link says so; an expired-looking or made-up link says it does not work", async ({ browser }) => {
  const owner = await person(browser, "revoker");
  const link = await createInviteLink(owner.page, owner.teamId, "Admin");
  await owner.page.getByRole("button", { name: "Revoke the Admin invite link" }).click();
  await expect(owner.page.getByText("Revoked", { exact: true })).toBeVisible();
  const guest = await person(browser, "guest");
  await guest.page.goto(link);
  await expect(guest.page.getByRole("heading", { name: "This invite link was revoked" })).toBeVisible();
  await guest.page.goto("/invite/not-a-real-token");
  await expect(guest.page.getByRole("heading", { name: "This invite link does not work" })).toBeVisible();
  await owner.close();
  await guest.close();
});

test("an existing member opening a link is told they are already in; a member leaves; the owner cannot", async ({
  browser,
}) => {
  const owner = await person(browser, "keeper");
  const link = await createInviteLink(owner.page, owner.teamId);
  const friend = await person(browser, "friend");
  await friend.page.goto(link);
  await friend.page.getByRole("button", { name: /^Join / }).click();
  await friend.page.waitForURL(`**/t/${owner.teamId}/generate`);
  // The used link says so; a fresh link opened by someone already in says that instead.
  await owner.page.goto(link);
  await expect(owner.page.getByRole("heading", { name: "This invite link was already used" })).toBeVisible();
  const second = await createInviteLink(owner.page, owner.teamId);
  await friend.page.goto(second);
  await expect(friend.page.getByText(/You are already a member of/)).toBeVisible();
  await expect(friend.page.getByRole("button", { name: /^Join / })).toHaveCount(0);

  await friend.page.goto(`/t/${owner.teamId}/team`);
  friend.page.once("dialog", (d) => void d.accept());
  await friend.page.getByRole("button", { name: "Leave team" }).click();
  await friend.page.waitForURL(`**/t/${friend.teamId}/generate`);
  expect((await friend.page.goto(`/t/${owner.teamId}/team`))?.status()).toBe(404);

  // The owner has no leave button, only the transfer form.
  await owner.page.goto(`/t/${owner.teamId}/team`);
  await expect(owner.page.getByRole("button", { name: "Leave team" })).toHaveCount(0);
  await expect(owner.page.getByText("Invite someone first")).toBeVisible();
  await owner.close();
  await friend.close();
});

test("ownership moves to another member; the old owner becomes an admin", async ({ browser }) => {
  const owner = await person(browser, "founder");
  const link = await createInviteLink(owner.page, owner.teamId, "Admin");
  const heir = await person(browser, "heir");
  await heir.page.goto(link);
  await heir.page.getByRole("button", { name: /^Join / }).click();
  await heir.page.waitForURL(`**/t/${owner.teamId}/generate`);

  await owner.page.goto(`/t/${owner.teamId}/team`);
  await owner.page.getByLabel("New owner").selectOption({ label: `${heir.user.name} (${heir.user.email})` });
  owner.page.once("dialog", (d) => void d.accept());
  await owner.page.getByRole("button", { name: "Transfer ownership" }).click();
  await expect(owner.page.getByRole("button", { name: "Leave team" })).toBeVisible();
  const heirRow = owner.page.getByRole("listitem").filter({ hasText: heir.user.email });
  await expect(heirRow.getByText("Owner", { exact: true }).first()).toBeVisible();
  await owner.close();
  await heir.close();
});
