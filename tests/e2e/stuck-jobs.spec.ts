import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { fillGenerateForm, submitAndFollow } from "./videos-support";

// Issue 15, item 5: a job frozen at 50 % ([[stall]] in the simulator) is flagged "taking longer
// than usual" on its card and its timeline (last poll, the provider's last answer, Check now) once
// its model's usual time has passed without progress (Sora 2: 3 min, × STUDIO_POLL_SCALE 0.2 here),
// and the team's admins see it on Team → Stuck jobs, where they can check it or give it up.

const PHONE = { width: 375, height: 800 };
const DESKTOP = { width: 1280, height: 900 };

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: test.info().outputPath(`${name}.png`), fullPage: true });
}

test("a stalled job is flagged, can be checked now, and is listed and given up on Team → Stuck jobs", async ({
  page,
  login,
}) => {
  test.setTimeout(240_000);
  await page.setViewportSize(DESKTOP);
  const { teamId } = await login("stuck");
  await fillGenerateForm(page, teamId, { prompt: "A frozen waterfall that never thaws [[stall]]" });
  const panel = await submitAndFollow(page);
  await expect(panel.getByText("50%").first()).toBeVisible({ timeout: 45_000 });

  // The gallery card: the mark appears live once the usual time has passed without progress.
  await page.goto(`/t/${teamId}/gallery`);
  const card = page.getByTestId("video-card").first();
  await expect(card.getByTestId("slow-mark")).toHaveText(/Taking longer than usual/, { timeout: 120_000 });
  const taskId = (await card.getAttribute("data-video-id"))!;
  await shot(page, "stuck-gallery-en");

  // The timeline: the flag, the last poll, the provider's last answer, Check now.
  await page.goto(`/t/${teamId}/gallery/${taskId}`);
  const watch = page.getByTestId("task-watch");
  await expect(watch.getByRole("heading", { name: "Taking longer than usual" })).toBeVisible();
  await expect(watch.getByTestId("slow-flag")).toContainText("while sora-2 usually takes about");
  await expect(watch.getByTestId("provider-answer")).toHaveText("in_progress, 50%");
  await expect(watch.getByTestId("last-poll")).not.toHaveText("not yet");
  await watch.getByRole("button", { name: "Check now" }).click();
  await expect(watch.getByRole("status")).toHaveText(
    /Asked the provider just now\.|The provider was asked moments ago; that answer is shown\./,
  );
  await expect(page.getByTestId("task-watch").getByTestId("provider-answer")).toHaveText("in_progress, 50%");
  await shot(page, "stuck-detail-en");

  // Team → Stuck jobs (the owner is an admin): the job, with what the provider last said.
  await page.goto(`/t/${teamId}/team`);
  await page.getByRole("link", { name: "Stuck jobs" }).click();
  await page.waitForURL(`**/t/${teamId}/team/stuck`);
  const row = page.locator(`[data-testid="stuck-job"][data-task-id="${taskId}"]`);
  await expect(row).toContainText("A frozen waterfall that never thaws");
  await expect(row).toContainText("sora-2");
  await expect(row.getByTestId("provider-answer")).toHaveText("in_progress, 50%");
  await expect(row).toContainText("$0.40");
  await row.getByRole("button", { name: /^Check now/ }).click();
  await expect(row.getByRole("status")).toHaveText(/Asked the provider|asked moments ago/);
  await shot(page, "stuck-admin-en");

  // Chinese.
  await page.getByRole("combobox", { name: "Language" }).selectOption("zh-CN");
  await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
  await expect(page.getByRole("heading", { name: "卡住的任务", level: 1 })).toBeVisible();
  await expect(row.getByTestId("provider-answer")).toHaveText("状态 in_progress，进度 50%");
  await shot(page, "stuck-admin-zh-CN");
  await page.goto(`/t/${teamId}/gallery/${taskId}`);
  await expect(page.getByTestId("task-watch").getByRole("heading", { name: "比平时慢" })).toBeVisible();
  await shot(page, "stuck-detail-zh-CN");

  // A phone, 375 px wide.
  await page.setViewportSize(PHONE);
  await shot(page, "stuck-detail-zh-CN-375");
  await page.goto(`/t/${teamId}/team/stuck`);
  await expect(row).toBeVisible();
  await shot(page, "stuck-admin-zh-CN-375");

  // Give up, confirmed: it leaves the list; the video is failed and holds no budget.
  await row.getByRole("button", { name: /^放弃/ }).click();
  await shot(page, "stuck-admin-zh-CN-375-confirm");
  await row.getByRole("button", { name: "放弃", exact: true }).click();
  await expect(page.getByTestId("no-stuck-jobs")).toBeVisible();
  await page.goto(`/t/${teamId}/gallery/${taskId}`);
  await expect(page.getByTestId("video-status")).toContainText("失败");
  await shot(page, "stuck-detail-zh-CN-375-given-up");
});
