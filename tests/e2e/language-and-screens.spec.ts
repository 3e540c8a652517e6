import { expect, screenshot, test } from "./fixtures";

test("switching language changes the UI and is remembered for the account", async ({ page, login }) => {
  const user = await login("lin");
  await page.goto(`/t/${user.teamId}/generate`);
  await expect(page.getByRole("link", { name: "Gallery", exact: true })).toBeVisible();
  await page.getByLabel("Language").first().selectOption("zh-CN");
  await expect(page.getByRole("link", { name: "作品库", exact: true })).toBeVisible();
  await expect(page.getByRole("heading", { level: 1, name: "生成" })).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");

  // Signing out and in from a fresh English browser brings the saved language back.
  await page.getByRole("button", { name: "退出登录" }).click();
  await page.context().clearCookies();
  await page.goto("/sign-in");
  await expect(page.getByRole("button", { name: "Sign in" })).toBeVisible();
  await page.getByLabel("E-mail").fill(user.email);
  await page.getByLabel("Password").fill(user.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("link", { name: "作品库", exact: true })).toBeVisible();
});

test.describe("a Chinese browser", () => {
  test.use({ locale: "zh-CN" });
  test("gets Chinese from Accept-Language before any choice", async ({ page }) => {
    await page.goto("/sign-in");
    await expect(page.getByRole("heading", { name: "登录 Sora Studio" })).toBeVisible();
    await expect(page.getByLabel("电子邮箱")).toBeVisible();
  });
});

test("screenshots of the main pages in both languages, desktop and phone", async ({ page, login }) => {
  test.setTimeout(120_000);
  await page.goto("/sign-in");
  await screenshot(page, "sign-in-en");
  await page.goto("/sign-up");
  await screenshot(page, "sign-up-en");
  const { teamId } = await login("shots");
  await page.goto(`/t/${teamId}/generate`);
  const langs = [
    { locale: "en", language: "Language", theme: "Theme", nav: "Main navigation" },
    { locale: "zh-CN", language: "语言", theme: "主题", nav: "主导航" },
  ] as const;
  for (const { locale, theme, nav } of langs) {
    if (locale === "zh-CN") await page.getByLabel("Language").first().selectOption("zh-CN");
    await expect(page.locator("html")).toHaveAttribute("lang", locale);
    for (const section of ["generate", "gallery", "team", "spend", "settings"]) {
      await page.goto(`/t/${teamId}/${section}`);
      await expect(page.getByRole("navigation", { name: nav })).toBeVisible();
      await screenshot(page, `${section}-${locale}`);
    }
    await page.setViewportSize({ width: 375, height: 800 });
    await page.goto(`/t/${teamId}/generate`);
    await screenshot(page, `generate-${locale}-phone`);
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto(`/t/${teamId}/settings`);
    await page.getByLabel(theme).first().selectOption("dark");
    await expect(page.locator("html")).toHaveClass(/dark/);
    await screenshot(page, `settings-${locale}-dark`);
    await page.getByLabel(theme).first().selectOption("light");
    await expect(page.locator("html")).not.toHaveClass(/dark/);
  }
});
