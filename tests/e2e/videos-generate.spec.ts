import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, formAlert, test } from "./fixtures";
import { fillGenerateForm, generateVideo, probeMp4, submitAndFollow } from "./videos-support";

test("the cost preview follows model, size and duration, and sizes follow the model", async ({ page, login }) => {
  const { teamId } = await login("cost");
  await page.goto(`/t/${teamId}/generate`);
  const cost = page.getByTestId("cost-line");
  await expect(cost).toHaveText("sora-2 · 720x1280 · 4 s = $0.40");
  await expect(page.getByTestId("month-spend")).toHaveText("Team spend this month: $0.00");
  // sora-2 offers only the two 720p sizes.
  await expect(page.getByLabel("Size").locator("option")).toHaveCount(2);
  await page.getByLabel("Duration").selectOption("12");
  await expect(cost).toHaveText("sora-2 · 720x1280 · 12 s = $1.20");
  await page.getByLabel("Model").selectOption("sora-2-pro");
  await expect(page.getByLabel("Size").locator("option")).toHaveCount(4);
  await expect(cost).toHaveText("sora-2-pro · 720x1280 · 12 s = $3.60");
  await page.getByLabel("Size").selectOption("1792x1024");
  await expect(cost).toHaveText("sora-2-pro · 1792x1024 · 12 s = $6.00");
  await page.getByLabel("Duration").selectOption("8");
  await expect(cost).toHaveText("sora-2-pro · 1792x1024 · 8 s = $4.00");
  // Back to sora-2: a size it does not offer falls back to its default.
  await page.getByLabel("Model").selectOption("sora-2");
  await expect(page.getByLabel("Size")).toHaveValue("720x1280");
  await expect(cost).toHaveText("sora-2 · 720x1280 · 8 s = $0.80");
  // The character count is live.
  await page.getByLabel("Prompt").fill("Hello");
  await expect(page.getByTestId("prompt-count")).toHaveText("5 / 32,000 characters");
});

test("submit, watch it finish, play it, download a valid MP4 of the requested size and length", async ({
  page,
  login,
}) => {
  test.setTimeout(120_000);
  const { teamId } = await login("maker");
  await fillGenerateForm(page, teamId, {
    prompt: "A red lighthouse at dusk, slow aerial push-in",
    model: "sora-2",
    size: "1280x720",
    seconds: 8,
  });
  const panel = await submitAndFollow(page);
  await expect(page.getByRole("status").filter({ hasText: "Submitted." })).toBeVisible();
  // The settings survive the submit, so the next video is one tweak away.
  await expect(page.getByLabel("Size")).toHaveValue("1280x720");
  await expect(page.getByTestId("cost-line")).toHaveText("sora-2 · 1280x720 · 8 s = $0.80");
  await expect(panel.getByText("Completed", { exact: true })).toBeVisible({ timeout: 45_000 });
  await expect(panel.getByText("$0.80", { exact: true })).toBeVisible();
  // The month's spend on the page follows the charge.
  await expect(page.getByTestId("month-spend")).toHaveText("Team spend this month: $0.80");

  await panel.getByRole("link", { name: "Open video" }).click();
  await page.waitForURL(/\/gallery\/[^/]+$/);
  const video = page.getByLabel("Video player");
  await expect(video).toBeVisible();
  const playback = await video.evaluate(async (el: HTMLVideoElement) => {
    el.muted = true;
    await el.play();
    await new Promise((resolve) => setTimeout(resolve, 600));
    return {
      readyState: el.readyState,
      width: el.videoWidth,
      height: el.videoHeight,
      duration: el.duration,
      time: el.currentTime,
    };
  });
  expect(playback.readyState).toBeGreaterThanOrEqual(2);
  expect(playback.width).toBe(1280);
  expect(playback.height).toBe(720);
  expect(playback.duration).toBeCloseTo(8, 0);
  expect(playback.time).toBeGreaterThan(0);

  const downloadPromise = page.waitForEvent("download");
  await page.getByRole("link", { name: "Download video (MP4)" }).click();
  const download = await downloadPromise;
  expect(download.suggestedFilename()).toBe("sora-2-1280x720-8s-a-red-lighthouse-at-dusk-slow.mp4");
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), "videos-e2e-")), download.suggestedFilename());
  await download.saveAs(file);
  const probe = await probeMp4(file);
  expect(probe).toMatchObject({ width: 1280, height: 720, codec: "h264" });
  expect(probe.duration).toBeCloseTo(8, 0);

  const thumbPromise = page.waitForEvent("download");
  await page.getByRole("link", { name: "Download thumbnail (WebP)" }).click();
  expect((await thumbPromise).suggestedFilename()).toBe(
    "sora-2-1280x720-8s-a-red-lighthouse-at-dusk-slow-thumbnail.webp",
  );

  // The timeline tells the story, ending with the charge.
  await expect(page.getByText("Saved to the studio's storage")).toBeVisible();
  await expect(page.getByText(/Charged/)).toBeVisible();
});

test("a moderation failure is shown in plain words and charged $0.00", async ({ page, login }) => {
  test.setTimeout(90_000);
  const { teamId } = await login("blocked");
  const panel = await generateVideo(
    page,
    teamId,
    { prompt: "A famous cartoon mouse dancing [[moderation]]" },
    "Failed",
  );
  await expect(panel.getByTestId("failure-reason")).toHaveText(/safety system blocked this request/);
  await expect(panel.getByText("$0.00 · not charged")).toBeVisible();
  await expect(page.getByTestId("month-spend")).toHaveText("Team spend this month: $0.00");

  await panel.getByRole("link", { name: "Open video" }).click();
  await expect(page.getByRole("heading", { name: "Why it failed" })).toBeVisible();
  await expect(page.getByTestId("video-status").getByTestId("failure-reason")).toHaveText(
    /safety system blocked this request/,
  );
  await expect(page.getByText("Nothing was charged.")).toBeVisible();
  // The provider's own words stay visible for support.
  await expect(
    page.getByText(/moderation_blocked: Your request was blocked by our moderation system\./).first(),
  ).toBeVisible();
  await expect(page.getByLabel("Video player")).toHaveCount(0);

  // "Use these settings again" brings the prompt and settings back to the form.
  await page.getByRole("link", { name: "Use these settings again" }).click();
  await expect(page.getByLabel("Prompt")).toHaveValue("A famous cartoon mouse dancing [[moderation]]");
  await expect(page.getByTestId("cost-line")).toHaveText("sora-2 · 720x1280 · 4 s = $0.40");
});

test("a request the provider refuses at once is explained, kept as failed and not charged", async ({ page, login }) => {
  const { teamId } = await login("refused");
  // A malformed simulator marker makes the provider answer 400 to the create itself.
  await fillGenerateForm(page, teamId, { prompt: "A lake at dawn [[sparkles]]" });
  const panel = await submitAndFollow(page);
  await expect(formAlert(page)).toContainText(
    "The provider refused the request: “Invalid simulator marker '[[sparkles]]'",
  );
  await expect(formAlert(page)).toContainText("Nothing was charged.");
  await expect(panel.getByText("Failed", { exact: true })).toBeVisible();
  await expect(panel.getByText("$0.00 · not charged")).toBeVisible();
  // The next submit is a new video (a fresh idempotency key), not the failed one again.
  await page.getByLabel("Prompt").fill("A lake at dawn");
  await page.getByRole("button", { name: "Generate video" }).click();
  await expect(page.getByTestId("latest-video").getByText("A lake at dawn", { exact: true })).toBeVisible();
  await expect(page.getByTestId("latest-video").getByText("Completed", { exact: true })).toBeVisible({
    timeout: 45_000,
  });
});
