import type { Page } from "@playwright/test";
import { expect, formAlert, test } from "./fixtures";
import { fillGenerateForm } from "./videos-support";

// Issue 15, items 3, 4 and 6 through the real pages: two variations with their total cost shown
// first, both live in the recent list beside the form, one opened with its sibling, the two
// compared in sync, and a failed video retried with the same settings. Screenshots in English,
// Chinese and at 375 px go to this test's output folder.

const DESKTOP = { width: 1280, height: 900 };
const PHONE = { width: 375, height: 800 };

async function shot(page: Page, name: string) {
  await page.screenshot({ path: test.info().outputPath(`${name}.png`), fullPage: true });
}

/** Every <video> of the compare page: its currentTime, once each has its metadata. */
async function times(page: Page): Promise<number[]> {
  return page.locator("video").evaluateAll((els) => els.map((el) => (el as HTMLVideoElement).currentTime));
}

test("variations with their total first, recent videos beside the form, siblings, compare in sync, retry", async ({
  page,
  login,
}) => {
  test.setTimeout(480_000);
  const { teamId } = await login("lineage");
  await page.setViewportSize(DESKTOP);

  // Two variations: the total (2 × the unit price) is shown before anything is submitted.
  await fillGenerateForm(page, teamId, { prompt: "A glass harbour at dawn, gulls circling" });
  await expect(page.getByTestId("recent-videos")).toContainText("The videos you generate show here");
  await expect(page.getByTestId("cost-line")).toHaveText("sora-2 · 720x1280 · 4 s = $0.40");
  await expect(page.getByTestId("cost-total")).toHaveCount(0);
  await page.getByLabel("How many").selectOption("2");
  await expect(page.getByTestId("cost-total")).toHaveText("2 × $0.40 = $0.80");
  await page.getByRole("button", { name: "Generate 2 variations" }).click();
  await expect(page.getByText("2 variations submitted.")).toBeVisible({ timeout: 30_000 });

  // Both show live in the recent list beside the form, and complete there.
  const recent = page.getByTestId("recent-videos");
  const takes = recent.getByRole("listitem").filter({ hasText: "A glass harbour at dawn" });
  await expect(takes).toHaveCount(2);
  await expect(takes.filter({ hasText: "Just submitted" })).toHaveCount(2);
  for (const take of await takes.all())
    await expect(take.getByText("Completed", { exact: true })).toBeVisible({ timeout: 60_000 });
  await expect(takes.getByText("$0.40", { exact: true })).toHaveCount(2);
  const formBox = (await page.getByLabel("Prompt").boundingBox())!;
  const recentBox = (await recent.boundingBox())!;
  expect(recentBox.x).toBeGreaterThan(formBox.x + formBox.width); // beside the form
  await shot(page, "generate-variations-en");
  await page.setViewportSize(PHONE);
  const phoneForm = (await page.getByLabel("Prompt").boundingBox())!;
  expect((await recent.boundingBox())!.y).toBeGreaterThan(phoneForm.y + phoneForm.height); // below it at 375 px
  await shot(page, "generate-variations-375");
  await page.setViewportSize(DESKTOP);

  // One of them: its sibling is listed, and "Compare the set" opens both side by side.
  await page.getByTestId("latest-video").getByRole("link", { name: "Open video" }).click();
  await page.waitForURL(/\/gallery\/[^/]+$/);
  const firstId = page.url().split("/").pop()!;
  const siblings = page.getByTestId("lineage-siblings");
  await expect(siblings).toContainText("Other takes of this set (1)");
  await expect(siblings.getByRole("link", { name: "A glass harbour at dawn, gulls circling" })).toBeVisible();
  await shot(page, "detail-siblings-en");
  await siblings.getByRole("link", { name: "Compare the set" }).click();
  await page.waitForURL(/\/compare\?ids=/);
  expect(new URL(page.url()).searchParams.get("ids")!.split(",")[0]).toBe(firstId);
  await expect(page.getByTestId("compare-item")).toHaveCount(2);
  await expect(page.getByTestId("compare-cost")).toHaveText(["$0.40", "$0.40"]);
  await expect
    .poll(() => page.locator("video").evaluateAll((els) => els.every((el) => (el as HTMLVideoElement).readyState >= 2)))
    .toBe(true);

  // One bar drives both: play moves both together; a seek puts both at the same place.
  await page.getByRole("button", { name: "Play all" }).click();
  await expect.poll(async () => Math.min(...(await times(page)))).toBeGreaterThan(0.5);
  await page.getByRole("button", { name: "Pause all" }).click();
  let [a, b] = await times(page);
  expect(Math.abs(a! - b!)).toBeLessThan(0.15);
  await page.getByTestId("compare-seek").fill("0.5");
  await expect.poll(async () => (await times(page)).map((t) => Math.round(t * 10) / 10)).toEqual([0.5, 0.5]);
  await page.getByRole("button", { name: "Play all" }).click();
  await expect.poll(async () => Math.min(...(await times(page)))).toBeGreaterThan(1.2);
  await page.getByRole("button", { name: "Pause all" }).click();
  [a, b] = await times(page);
  expect(Math.abs(a! - b!)).toBeLessThan(0.15);
  await shot(page, "compare-en");
  await page.setViewportSize(PHONE);
  await shot(page, "compare-375");
  await page.setViewportSize(DESKTOP);

  // A failed video, retried in one click with the same settings: a new video that completes.
  const faults = await page.request.post("/api/simulator/__simulator/faults", {
    data: { rules: "fail:processing_error*1" },
  });
  expect(faults.ok()).toBe(true);
  await fillGenerateForm(page, teamId, { prompt: "A lantern drifting in fog", size: "1280x720" });
  await page.getByRole("button", { name: "Generate video" }).click();
  const failed = page.getByTestId("latest-video");
  await expect(failed.getByText("Failed", { exact: true })).toBeVisible({ timeout: 60_000 });
  await failed.getByRole("link", { name: "Open video" }).click();
  await page.waitForURL(/\/gallery\/[^/]+$/);
  const failedUrl = page.url();
  await expect(page.getByRole("button", { name: "Retry with the same settings" })).toBeVisible();
  await shot(page, "detail-failed-en");
  await page.getByRole("button", { name: "Retry with the same settings" }).click();
  await page.waitForURL((url) => url.href !== failedUrl && /\/gallery\/[^/]+$/.test(url.pathname));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("A lantern drifting in fog");
  const parent = page.getByTestId("lineage-parent");
  await expect(parent).toContainText("A retry of");
  await expect(parent.getByRole("link", { name: "A lantern drifting in fog" })).toHaveAttribute(
    "href",
    new URL(failedUrl).pathname,
  );
  await expect(page.getByText("Completed", { exact: true }).first()).toBeVisible({ timeout: 60_000 });
  await expect(page.getByText("1280x720", { exact: true })).toBeVisible();
  await page.goto(failedUrl);
  await expect(page.getByTestId("lineage-children")).toContainText("Retry");
  await expect(page.getByText("Retried once already")).toBeVisible();

  // A set the budget fits only in part is refused whole, in words, and nothing is submitted.
  await page.goto(`/t/${teamId}/spend`);
  await page.getByLabel("Monthly team budget (USD)").fill("2");
  await page.getByRole("button", { name: "Save budget" }).click();
  await expect(page.getByText("Budget saved.")).toBeVisible();
  await fillGenerateForm(page, teamId, { prompt: "Three takes of a quiet street" });
  await page.getByLabel("How many").selectOption("3");
  await expect(page.getByText("These 3 variations cost $1.20, more than is left this month ($0.80).")).toBeVisible();
  await page.getByRole("button", { name: "Generate 3 variations" }).click();
  await expect(formAlert(page)).toHaveText(
    "These 3 variations cost $1.20 in all, and the team's monthly budget has $0.80 left. Nothing was submitted.",
  );
  await expect(page.getByTestId("recent-videos").getByText("Three takes of a quiet street")).toHaveCount(0);
  await page.goto(failedUrl);

  // The same pages in Chinese, and at 375 px.
  await page.getByLabel("Language").first().selectOption("zh-CN");
  await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
  await expect(page.getByTestId("lineage-children")).toContainText("由此视频生成");
  await shot(page, "detail-retried-zh-CN");
  await page.goto(`/t/${teamId}/gallery/${firstId}`);
  await expect(page.getByTestId("lineage-siblings")).toContainText("同组的其他变体");
  await shot(page, "detail-siblings-zh-CN");
  await page.getByRole("link", { name: "对比整组变体" }).click();
  await expect(page.getByRole("button", { name: "全部播放" })).toBeVisible();
  await shot(page, "compare-zh-CN");
  await page.goto(`/t/${teamId}/generate`);
  await page.getByLabel("数量").selectOption("3");
  await expect(page.getByTestId("cost-total")).toHaveText("3 个 × $0.40 = $1.20");
  await expect(page.getByTestId("recent-videos")).toContainText("你最近的视频");
  await shot(page, "generate-zh-CN");
  await page.setViewportSize(PHONE);
  await shot(page, "generate-zh-CN-375");
  await page.goto(`/t/${teamId}/gallery/${firstId}`);
  await shot(page, "detail-zh-CN-375");
});
