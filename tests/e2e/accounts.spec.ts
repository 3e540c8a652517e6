import { createUser, expect, formAlert, newUser, screenshot, signIn, signUp, test } from "./fixtures";

test("sign up lands in the user's own team, as its owner", async ({ page }) => {
  const user = newUser("ada");
  const teamId = await signUp(page, user);
  await expect(page.getByRole("heading", { level: 1, name: "Generate" })).toBeVisible();
  const switcher = page.getByLabel("Switch team");
  await expect(switcher.locator("option:checked")).toHaveText(`${user.name}'s team · Owner`);
  await page.getByRole("link", { name: "Team", exact: true }).click();
  await expect(page).toHaveURL(`/t/${teamId}/team`);
  await expect(page.getByRole("main").getByText(user.email)).toBeVisible();
  await expect(page.getByRole("main").getByText("Owner", { exact: true })).toBeVisible();
});

test("sign out, then sign in again to the same team", async ({ page, login }) => {
  const user = await login("grace");
  const teamId = user.teamId;
  await page.goto(`/t/${teamId}/generate`);
  await page.getByRole("button", { name: "Sign out" }).click();
  await page.waitForURL(/\/sign-in/);
  await page.goto(`/t/${teamId}/gallery`);
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=/);
  await page.getByLabel("E-mail").fill(user.email);
  await page.getByLabel("Password").fill(user.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(`/t/${teamId}/gallery`);
  await expect(page.getByRole("heading", { level: 1, name: "Gallery" })).toBeVisible();
});

test("a wrong password and an unknown e-mail get the same message", async ({ page }) => {
  const user = await createUser("linus");
  await signIn(page, { email: user.email, password: "not-the-password" });
  const alert = formAlert(page);
  await expect(alert).toHaveText("The e-mail or password is incorrect.");
  await expect(page.getByLabel("E-mail")).toHaveValue(user.email);
  await signIn(page, { email: `nobody-${user.email}`, password: "whatever-123" });
  await expect(formAlert(page)).toHaveText("The e-mail or password is incorrect.");
  await screenshot(page, "sign-in-error-en");
});

test("sign-up explains every invalid field at once", async ({ page }) => {
  await page.goto("/sign-up");
  await page.getByLabel("E-mail").fill("not-an-email");
  await page.getByLabel("Password").fill("short");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByText("Enter your name.")).toBeVisible();
  await expect(page.getByText("Enter a valid e-mail address.")).toBeVisible();
  await expect(page.getByText("Use at least 8 characters.")).toBeVisible();
  await expect(page.getByLabel("E-mail")).toHaveValue("not-an-email");
});

test("repeated failed sign-ins for one e-mail are refused for a while", async ({ page }) => {
  const user = await createUser("mallory");
  for (let i = 0; i < 5; i++) {
    await signIn(page, { email: user.email, password: `wrong-${i}-password` });
    await expect(formAlert(page)).toHaveText("The e-mail or password is incorrect.");
  }
  // Even the right password is refused now: the lock is on the e-mail, not on the guess.
  await signIn(page, user);
  await expect(formAlert(page)).toHaveText("Too many failed attempts. Wait a few minutes and try again.");
});
