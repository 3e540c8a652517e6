import { expect, test } from "./fixtures";
import { generateVideo } from "./videos-support";

// Gallery cards draw the card-sized poster, sized in the markup (no layout shift), the first one
// fetched at high priority as the likely LCP image, the others later (issue 11, items 4 and 5).

test("cards draw small posters with their size in the markup; the first is fetched first", async ({ page, login }) => {
  test.setTimeout(120_000);
  const user = await login("posters");
  await generateVideo(page, user.teamId, { prompt: "A wide harbour at noon", size: "1280x720" });
  await generateVideo(page, user.teamId, { prompt: "A tall tower at dusk", size: "720x1280" });

  const posters = page.waitForResponse((r) => r.url().endsWith("/media/poster"));
  await page.goto(`/t/${user.teamId}/gallery`);
  const poster = await posters;
  expect(poster.headers()["content-type"]).toBe("image/webp");
  expect(poster.headers()["cache-control"]).toBe("private, max-age=31536000, immutable");

  const cards = page.getByTestId("video-card");
  await expect(cards).toHaveCount(2);
  // Newest first: the tall video, then the wide one.
  const tall = cards.nth(0).locator("img");
  const wide = cards.nth(1).locator("img");
  await expect(tall).toHaveAttribute("src", /\/media\/poster$/);
  await expect(tall).toHaveAttribute("fetchpriority", "high");
  await expect(tall).toHaveAttribute("width", "203");
  await expect(tall).toHaveAttribute("height", "360");
  await expect(wide).toHaveAttribute("src", /\/media\/poster$/);
  await expect(wide).not.toHaveAttribute("fetchpriority", "high");
  await expect(wide).toHaveAttribute("width", "640");
  await expect(wide).toHaveAttribute("height", "360");
  // The files are the sizes the markup says.
  await expect
    .poll(() => wide.evaluate((img: HTMLImageElement) => [img.naturalWidth, img.naturalHeight]))
    .toEqual([640, 360]);
  await expect
    .poll(() => tall.evaluate((img: HTMLImageElement) => [img.naturalWidth, img.naturalHeight]))
    .toEqual([203, 360]);
});
