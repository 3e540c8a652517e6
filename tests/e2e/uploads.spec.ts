import type { Page } from "@playwright/test";
import { expect, formAlert, screenshot, test } from "./fixtures";
import { fillGenerateForm, submitAndFollow } from "./videos-support";
import { jpegOfBytes, pngWithoutPixels, truncatedJpeg } from "../support/sized-images";

// Reference images at every size around the 10 MiB limit, through the real Generate form and the
// real built server (proxy included): up to the limit they are sent and used; above it the person
// reads "larger than 10 MB" before anything is sent; a body over the server's own limit, or a file
// whose pixels are broken, ends in words. The page never breaks. docs/decisions/030-upload-limits.md
const MiB = 1024 * 1024;
const LIMIT = 10 * MiB;
const ACCEPTED = [LIMIT - 200, LIMIT];
const REFUSED = [LIMIT + 5, 12_500_000];
const TOO_LARGE = "This file is larger than 10 MB.";

function pageIsWhole(page: Page) {
  return Promise.all([
    expect(page.getByRole("heading", { level: 1, name: "Generate" })).toBeVisible(),
    expect(page.getByRole("button", { name: "Generate video" })).toBeVisible(),
    expect(page.getByText("couldn't load")).toHaveCount(0),
  ]);
}

const jpeg = async (width: number, height: number, bytes: number) => ({
  name: `photo-${bytes}.jpg`,
  mimeType: "image/jpeg",
  buffer: await jpegOfBytes(width, height, bytes),
});

test("Generate: images up to 10 MiB are sent and used; larger ones get the size message before sending", async ({
  page,
  login,
}) => {
  test.setTimeout(150_000);
  const { teamId } = await login("bigref");
  const choice = { prompt: "A lighthouse keeper waves", model: "sora-2", size: "720x1280", seconds: 4 };
  const input = page.getByLabel("Reference image (optional)");

  let posts = 0; // every POST of the page is an action call (status polling is GET)
  page.on("request", (r) => void (r.method() === "POST" && posts++));
  for (const bytes of REFUSED) {
    await fillGenerateForm(page, teamId, choice);
    const before = posts;
    await input.setInputFiles(await jpeg(720, 1280, bytes));
    await expect(page.getByText(TOO_LARGE)).toBeVisible();
    await expect(page.getByTestId("reference-match")).toHaveCount(0);
    await pageIsWhole(page);
    expect(posts, "nothing is sent for a file over the limit").toBe(before);
  }

  for (const bytes of ACCEPTED) {
    await fillGenerateForm(page, teamId, choice);
    await input.setInputFiles(await jpeg(720, 1280, bytes));
    await expect(page.getByText("This image: 720 × 1280 px")).toBeVisible();
    await expect(page.getByTestId("reference-match")).toHaveText("The size matches.");
    await submitAndFollow(page);
    await expect(page.getByText("Submitted. Its progress shows below")).toBeVisible();
    await expect(page.getByText(TOO_LARGE)).toHaveCount(0);
    await pageIsWhole(page);
  }
});

test("Fit to size: images up to 10 MiB are fitted; larger ones get the size message, never a fit failure", async ({
  page,
  login,
}) => {
  test.setTimeout(120_000);
  const { teamId } = await login("bigfit");
  const input = page.getByLabel("Reference image (optional)");
  for (const bytes of [...ACCEPTED, ...REFUSED]) {
    await fillGenerateForm(page, teamId, { prompt: "Rain on a tin roof", model: "sora-2", size: "720x1280" });
    await input.setInputFiles(await jpeg(1280, 720, bytes));
    if (bytes <= LIMIT) {
      await expect(page.getByTestId("reference-match")).toHaveText(/does not match/);
      await page.getByRole("button", { name: "Fit to size" }).click();
      await expect(page.getByText("Fitted to 720 × 1280 px (Crop to fill).")).toBeVisible({ timeout: 20_000 });
      await expect(page.getByRole("button", { name: "Generate video" })).toBeEnabled();
    } else {
      await expect(page.getByText(TOO_LARGE)).toBeVisible();
      await expect(page.getByRole("button", { name: "Fit to size" })).toHaveCount(0);
    }
    await expect(page.getByText("could not be fitted")).toHaveCount(0);
    await pageIsWhole(page);
  }
});

// The padded body is swapped in by page.route. It used to wrap the page's own body, which Chromium
// does not always give the route for an upload: then the POST went through unpadded (about one run
// in three). It is now built whole in the route; kept retried while that is confirmed.
test.describe("a body over the server's limit", () => {
  test.describe.configure({ retries: 2 });
  test("a body over the server's limit is said in words, for submit and for fit; the page stays", async ({
    page,
    consoleErrors,
    login,
  }) => {
    test.setTimeout(120_000);
    const { teamId } = await login("padded");
    const answers: number[] = [];
    // Something between the page and the server makes every action body 12.5 MB larger: over the
    // 12 MB action limit (and, with the image, over the proxy's 13 MB buffer). The padded request is
    // sent from here (Chromium does not reliably replace a large multipart body itself), and the real
    // server's answer goes back to the page.
    await page.route(`**/t/${teamId}/generate`, async (route) => {
      const request = route.request();
      if (request.method() !== "POST") return route.fallback();
      // The padded body is built here, with its own boundary, rather than around the page's: for an
      // upload, Chromium does not always hand the route the body (or its content type), and the
      // request then slipped through unpadded. The server refuses on size alone, before parsing.
      const boundary = "----studio-e2e-padding";
      const body = Buffer.concat([
        Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="padding"\r\n\r\n`),
        Buffer.alloc(12_500_000, 0x61),
        Buffer.from(`\r\n--${boundary}--\r\n`),
      ]);
      const headers = Object.fromEntries(
        Object.entries(await request.allHeaders()).filter(([name]) => name !== "content-length"),
      );
      headers["content-type"] = `multipart/form-data; boundary=${boundary}`;
      const response = await route.fetch({ headers, postData: body, timeout: 60_000 });
      answers.push(response.status());
      await route.fulfill({ response });
    });
    const input = page.getByLabel("Reference image (optional)");

    await fillGenerateForm(page, teamId, { prompt: "Snow over a quiet town", model: "sora-2", size: "720x1280" });
    await input.setInputFiles(await jpeg(720, 1280, LIMIT - 200));
    await page.getByRole("button", { name: "Generate video" }).click();
    await expect(
      formAlert(page).getByText("The form could not be sent. Try again; with a large image, try a smaller one."),
    ).toBeVisible({ timeout: 30_000 });
    await expect(page.getByTestId("latest-video")).toHaveCount(0);
    await pageIsWhole(page);

    await page.getByRole("button", { name: "Remove image" }).click();
    await input.setInputFiles(await jpeg(1280, 720, LIMIT - 200));
    await expect(page.getByTestId("reference-match")).toHaveText(/does not match/);
    await page.getByRole("button", { name: "Fit to size" }).click();
    await expect(page.getByText("The image could not be fitted. Try another file.")).toBeVisible({ timeout: 30_000 });
    await pageIsWhole(page);

    expect(answers, "the server refused both padded bodies").toEqual([500, 500]);
    // The browser reports each refused request (status 500 from the action limit); nothing else.
    expect(consoleErrors.every((e) => /status of 500/.test(e))).toBe(true);
    consoleErrors.length = 0;
  });
});

test("broken images (truncated JPEG, PNG without pixels) get the field error and create no video", async ({
  page,
  login,
}) => {
  test.setTimeout(90_000);
  const { teamId } = await login("broken");
  const input = page.getByLabel("Reference image (optional)");
  const files = [
    { name: "cut.jpg", mimeType: "image/jpeg", buffer: await truncatedJpeg(720, 1280, { dropLast: 2 }) },
    { name: "empty.png", mimeType: "image/png", buffer: await pngWithoutPixels(720, 1280) },
  ];
  for (const file of files) {
    await fillGenerateForm(page, teamId, { prompt: "A paper boat on a pond", model: "sora-2", size: "720x1280" });
    await input.setInputFiles(file);
    // Chromium (createImageBitmap) already refuses both; a browser that shows what it can of a
    // truncated file lets the server refuse it (tests/integration/uploads/reference-decode.test.ts).
    // Either way the person reads the same words and no video is made.
    const unreadable = page.getByText("This image could not be read. Try another file.");
    await expect(page.getByTestId("reference-match").or(unreadable)).toBeVisible();
    const shown = await page.getByTestId("reference-match").isVisible();
    test
      .info()
      .annotations.push({ type: file.name, description: shown ? "refused by the server" : "refused by the browser" });
    if (shown) await page.getByRole("button", { name: "Generate video" }).click();
    await expect(unreadable).toBeVisible({ timeout: 20_000 });
    await expect(page.getByTestId("latest-video")).toHaveCount(0);
    await pageIsWhole(page);
  }
});

test.describe("the size message in Chinese and on a phone", () => {
  test("en, zh-CN and 375 px screenshots of the too-large message", async ({ page, login }) => {
    test.setTimeout(90_000);
    const { teamId } = await login("bigzh");
    const big = await jpeg(720, 1280, 12_500_000);
    await fillGenerateForm(page, teamId, { prompt: "Lanterns over a river", model: "sora-2", size: "720x1280" });
    await page.getByLabel("Reference image (optional)").setInputFiles(big);
    await expect(page.getByText(TOO_LARGE)).toBeVisible();
    await screenshot(page, "uploads-too-large-en");

    await page.getByLabel("Language").first().selectOption("zh-CN");
    await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
    await page.getByLabel("参考图片（可选）").setInputFiles(big);
    await expect(page.getByText("该文件超过 10 MB。")).toBeVisible();
    await expect(page.getByRole("button", { name: "生成视频" })).toBeVisible();
    await screenshot(page, "uploads-too-large-zh-CN");

    await page.setViewportSize({ width: 375, height: 812 });
    await expect(page.getByText("该文件超过 10 MB。")).toBeVisible();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await screenshot(page, "uploads-too-large-zh-CN-phone");
  });
});
