import type { Locator, Page } from "@playwright/test";
import { expect, screenshot, test } from "./fixtures";
import { generateVideo } from "./videos-support";

// Issue 15, item 7: on a phone the shell's team, language, theme and sign-out controls sit behind
// a keyboard-usable "Menu" button, and the gallery shows two cards a row.

const PHONE = { width: 375, height: 800 };
const DESKTOP = { width: 1280, height: 800 };

async function tabTo(page: Page, target: Locator, maxTabs = 20): Promise<void> {
  for (let i = 0; i < maxTabs; i++) {
    await page.keyboard.press("Tab");
    if (await target.evaluate((el) => el === document.activeElement)) return;
  }
  throw new Error(`Tab never reached ${String(target)}`);
}

test("on a phone the shell's controls sit in a keyboard menu and the gallery has two columns", async ({
  page,
  login,
}) => {
  test.setTimeout(180_000);
  const { teamId } = await login("phone");
  await generateVideo(page, teamId, { prompt: "A red lighthouse at dusk" });
  await generateVideo(page, teamId, {
    prompt:
      "An extraordinarily-long-unbroken-prompt-word-that-must-wrap-inside-a-narrow-card and then a slow pan over a harbour",
  });
  await generateVideo(page, teamId, { prompt: "A blue fox in the snow [[moderation]]" }, "Failed");

  await page.setViewportSize(PHONE);
  await page.goto(`/t/${teamId}/gallery`);
  const menuButton = page.getByRole("button", { name: "Menu" });
  const panel = page.locator("#shell-menu");
  await expect(menuButton).toHaveAttribute("aria-expanded", "false");
  await expect(menuButton).toHaveAttribute("aria-controls", "shell-menu");
  await expect(panel).toBeHidden();
  // Closed, none of the moved controls is on screen; all five sections are, none clipped.
  await expect(page.getByRole("button", { name: "Sign out" })).toBeHidden();
  await expect(page.getByRole("combobox", { name: "Switch team" })).toBeHidden();
  const settings = await page.getByRole("link", { name: "Settings" }).boundingBox();
  expect(settings).not.toBeNull();
  expect(settings!.x + settings!.width).toBeLessThanOrEqual(PHONE.width);

  // Two cards a row, side by side, and nothing wider than the screen.
  const cards = page.getByTestId("video-card");
  await expect(cards).toHaveCount(3);
  const [a, b] = [await cards.nth(0).boundingBox(), await cards.nth(1).boundingBox()];
  expect(a && b).toBeTruthy();
  expect(Math.abs(a!.y - b!.y)).toBeLessThan(2);
  expect(b!.x).toBeGreaterThanOrEqual(a!.x + a!.width);
  expect(b!.x + b!.width).toBeLessThanOrEqual(PHONE.width);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
  await screenshot(page, "phone-gallery-en-closed");

  // Keyboard: Tab to the button, Enter opens the panel with the moved controls.
  await tabTo(page, menuButton);
  await page.keyboard.press("Enter");
  await expect(menuButton).toHaveAttribute("aria-expanded", "true");
  await expect(panel).toBeVisible();
  await expect(panel.getByRole("combobox", { name: "Switch team" })).toBeVisible();
  await expect(panel.getByRole("combobox", { name: "Theme" })).toBeVisible();
  await expect(panel.getByRole("button", { name: "Sign out" })).toBeVisible();
  await screenshot(page, "phone-gallery-en-open");

  // Language from the menu, reached by Tab.
  const language = panel.getByRole("combobox", { name: "Language" });
  await tabTo(page, language);
  await language.selectOption("zh-CN");
  await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
  const menuZh = page.getByRole("button", { name: "菜单" });
  await expect(menuZh).toHaveAttribute("aria-expanded", "true");
  await expect(panel.getByRole("button", { name: "退出登录" })).toBeVisible();
  await screenshot(page, "phone-gallery-zh-CN-open");

  // Escape closes it and focus goes back to the button.
  await page.keyboard.press("Escape");
  await expect(menuZh).toHaveAttribute("aria-expanded", "false");
  await expect(panel).toBeHidden();
  await expect(menuZh).toBeFocused();
  await screenshot(page, "phone-gallery-zh-CN-closed");

  // Navigating closes it.
  await menuZh.click();
  await expect(panel).toBeVisible();
  await page.getByRole("link", { name: "生成" }).click();
  await page.waitForURL(`**/t/${teamId}/generate`);
  await expect(menuZh).toHaveAttribute("aria-expanded", "false");
  await expect(panel).toBeHidden();
  await screenshot(page, "phone-generate-zh-CN-closed");
  await menuZh.click();
  await screenshot(page, "phone-generate-zh-CN-open");

  // Wide screens: no menu button, the usual controls.
  await page.setViewportSize(DESKTOP);
  await expect(menuZh).toBeHidden();
  await expect(panel).toBeHidden();
  await expect(page.getByRole("button", { name: "退出登录" })).toBeVisible();
  await expect(page.getByRole("combobox", { name: "切换团队" })).toBeVisible();
  await screenshot(page, "desktop-generate-zh-CN");
  await page.goto(`/t/${teamId}/gallery`);
  await expect(cards).toHaveCount(3);
  await screenshot(page, "desktop-gallery-zh-CN");

  // Back to English from the desktop switcher, then the English phone Generate page.
  await page.getByRole("combobox", { name: "语言" }).selectOption("en");
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await screenshot(page, "desktop-gallery-en");
  await page.goto(`/t/${teamId}/generate`);
  await screenshot(page, "desktop-generate-en");
  await page.setViewportSize(PHONE);
  await page.goto(`/t/${teamId}/generate`);
  await expect(menuButton).toBeVisible();
  await screenshot(page, "phone-generate-en-closed");
  await menuButton.click();
  await expect(panel).toBeVisible();
  await screenshot(page, "phone-generate-en-open");
});
