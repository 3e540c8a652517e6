import { expect, screenshot, test } from "./fixtures";
import { createInviteLink, insertCharge, person } from "./team-support";
import { fillGenerateForm, generateVideo, submitAndFollow } from "./videos-support";

test("filters by status, author and prompt, kept in the URL", async ({ browser }) => {
  test.setTimeout(180_000);
  const owner = await person(browser, "galleryowner");
  const link = await createInviteLink(owner.page, owner.teamId);
  const member = await person(browser, "gallerymember");
  await member.page.goto(link);
  await member.page.getByRole("button", { name: /^Join / }).click();
  await member.page.waitForURL(`**/t/${owner.teamId}/generate`);

  await generateVideo(owner.page, owner.teamId, { prompt: "A red lighthouse at dusk" });
  await generateVideo(owner.page, owner.teamId, { prompt: "A blue fox in the snow [[moderation]]" }, "Failed");
  await generateVideo(member.page, owner.teamId, { prompt: "A green meadow in spring", model: "sora-2-pro" });

  const page = owner.page;
  await page.goto(`/t/${owner.teamId}/gallery`);
  const cards = page.getByTestId("video-card");
  await expect(cards).toHaveCount(3);
  // Newest first; the member's video says who made it.
  await expect(cards.first()).toContainText("A green meadow in spring");
  await expect(cards.first()).toContainText(`by ${member.user.name}`);
  await expect(cards.filter({ hasText: "blue fox" })).toContainText("$0.00 · not charged");
  await expect(cards.filter({ hasText: "red lighthouse" })).toContainText("$0.40");

  await page.getByLabel("Status").selectOption({ label: "Failed" });
  await expect(cards).toHaveCount(1);
  await expect(cards.first()).toContainText("safety system blocked this request");
  await expect(page).toHaveURL(/status=failed/);
  await page.getByLabel("Status").selectOption({ label: "Completed" });
  await expect(cards).toHaveCount(2);
  await page.getByLabel("Status").selectOption({ label: "Any status" });

  await page.getByLabel("Made by").selectOption({ label: "Me" });
  await expect(cards).toHaveCount(2);
  await expect(cards.filter({ hasText: "green meadow" })).toHaveCount(0);
  await page.getByLabel("Model").selectOption("sora-2-pro");
  await expect(page.getByText("No videos match these filters.")).toBeVisible();
  await page.getByLabel("Model").selectOption({ label: "Any model" });
  await page.getByLabel("Made by").selectOption({ label: "Everyone" });

  await page.getByLabel("Search prompts").fill("lighthouse");
  await expect(cards).toHaveCount(1);
  await expect(page).toHaveURL(/q=lighthouse/);
  // A reload (or a shared link) keeps the filter.
  await page.reload();
  await expect(page.getByLabel("Search prompts")).toHaveValue("lighthouse");
  await expect(cards).toHaveCount(1);
  await page.getByRole("button", { name: "Clear filters" }).click();
  await expect(cards).toHaveCount(3);
  await expect(page).not.toHaveURL(/q=/);
  await owner.close();
  await member.close();
});

test("live cards share one status request per refresh, with a progress bar", async ({ page, login }) => {
  test.setTimeout(90_000);
  const { teamId } = await login("watcher");
  for (const prompt of ["Clouds rolling over peaks [[stall:40]]", "A slow river at night [[stall:70]]"]) {
    await fillGenerateForm(page, teamId, { prompt });
    await submitAndFollow(page);
  }
  const statusRequests: string[] = [];
  page.on("request", (r) => {
    if (r.url().includes("/videos/status")) statusRequests.push(new URL(r.url()).searchParams.get("ids") ?? "");
  });
  await page.goto(`/t/${teamId}/gallery`);
  const cards = page.getByTestId("video-card");
  await expect(cards).toHaveCount(2);
  await expect(cards.filter({ hasText: "Clouds" }).getByRole("progressbar", { name: "Progress" })).toHaveAttribute(
    "aria-valuenow",
    "40",
    { timeout: 20_000 },
  );
  await expect(cards.filter({ hasText: "river" }).getByRole("progressbar")).toHaveAttribute("aria-valuenow", "70", {
    timeout: 20_000,
  });
  await expect(cards.first()).toContainText("Rendering");
  await expect(cards.first()).toContainText(/≈ \$0\.40 estimate/);
  // With the push stream open the page asks when a message names a card (decision 110), so a
  // settled pair may need only one request; each asks about both live cards at once.
  await expect.poll(() => statusRequests.length, { timeout: 20_000 }).toBeGreaterThanOrEqual(1);
  for (const ids of statusRequests) expect(ids.split(",")).toHaveLength(2);
});

test("infinite scroll loads the next page; an empty gallery points to Generate", async ({ page, login }) => {
  test.setTimeout(60_000);
  const user = await login("scroller");
  const teamId = user.teamId;
  await page.goto(`/t/${teamId}/gallery`);
  await expect(page.getByRole("heading", { name: "No videos yet" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Generate a video" })).toHaveAttribute("href", `/t/${teamId}/generate`);

  const userId = user.id;
  const start = Date.now() - 60 * 60_000;
  for (let i = 0; i < 30; i++) insertCharge(teamId, userId, 40, new Date(start + i * 1000));
  await page.reload();
  const cards = page.getByTestId("video-card");
  await expect(cards).toHaveCount(24);
  await page
    .getByText("That is every video.")
    .or(page.getByRole("button", { name: "Load more" }))
    .scrollIntoViewIfNeeded();
  await expect(cards).toHaveCount(30);
  await expect(page.getByText("That is every video.")).toBeVisible();
});

const LABELS = {
  en: { prompt: "Prompt", model: "Model", size: "Size", seconds: "Duration" },
  "zh-CN": { prompt: "提示词", model: "模型", size: "尺寸", seconds: "时长" },
} as const;

test("screenshots: generate, gallery and detail in both languages, phone and dark", async ({ page, login }) => {
  test.setTimeout(180_000);
  const { teamId } = await login("shots");
  await generateVideo(page, teamId, {
    prompt: "A red lighthouse on a cliff at dusk, waves below, slow aerial push-in",
    model: "sora-2-pro",
    size: "1280x720",
    seconds: 8,
  });
  await generateVideo(page, teamId, { prompt: "A fox in the snow [[moderation]]" }, "Failed");
  await fillGenerateForm(page, teamId, { prompt: "Clouds rolling over mountain peaks [[stall:40]]" });
  await submitAndFollow(page);
  await page.goto(`/t/${teamId}/gallery`);
  const detailHref = await page
    .getByTestId("video-card")
    .filter({ hasText: "lighthouse" })
    .getByRole("link")
    .first()
    .getAttribute("href");

  for (const locale of ["en", "zh-CN"] as const) {
    if (locale === "zh-CN") await page.getByLabel("Language").first().selectOption("zh-CN");
    await expect(page.locator("html")).toHaveAttribute("lang", locale);
    const label = LABELS[locale];
    await page.goto(`/t/${teamId}/generate`);
    await page
      .getByLabel(label.prompt)
      .fill(locale === "en" ? "A paper boat drifting down a rainy street" : "雨中街道上漂流的纸船");
    await page.getByLabel(label.model).selectOption("sora-2-pro");
    await page.getByLabel(label.size).selectOption("1792x1024");
    await page.getByLabel(label.seconds).selectOption("12");
    await expect(page.getByTestId("cost-line")).toContainText("$6.00");
    await screenshot(page, `videos-generate-${locale}`);
    await page.goto(`/t/${teamId}/gallery`);
    await expect(page.getByTestId("video-card")).toHaveCount(3);
    await expect(page.getByTestId("expiry").first()).toBeVisible();
    await screenshot(page, `videos-gallery-${locale}`);
    await page.goto(detailHref!);
    await expect(page.locator("video")).toBeVisible();
    await screenshot(page, `videos-detail-${locale}`);
    await page.setViewportSize({ width: 375, height: 800 });
    await page.goto(`/t/${teamId}/gallery`);
    await screenshot(page, `videos-gallery-${locale}-phone`);
    await page.goto(detailHref!);
    await screenshot(page, `videos-detail-${locale}-phone`);
    await page.setViewportSize({ width: 1280, height: 800 });
  }
  await page.emulateMedia({ colorScheme: "dark" });
  await page.goto(`/t/${teamId}/gallery`);
  await expect(page.locator("html")).toHaveClass(/dark/);
  await screenshot(page, "videos-gallery-zh-CN-dark");
  await page.goto(`/t/${teamId}/generate`);
  await screenshot(page, "videos-generate-zh-CN-dark");
});
