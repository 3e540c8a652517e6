import { expect, test } from "./fixtures";
import { fillGenerateForm, submitAndFollow, testImage } from "./videos-support";

test("image-to-video: a wrong-size image is blocked, fitted to size on the server, then used", async ({
  page,
  login,
}) => {
  test.setTimeout(120_000);
  const { teamId } = await login("frames");
  await fillGenerateForm(page, teamId, {
    prompt: "The sun rises over the painted hills",
    model: "sora-2",
    size: "1280x720",
    seconds: 4,
  });
  await page
    .getByLabel("Reference image (optional)")
    .setInputFiles({ name: "hills.png", mimeType: "image/png", buffer: await testImage(800, 600) });

  await expect(page.getByText("This image: 800 × 600 px")).toBeVisible();
  await expect(page.getByText("Needed: 1280 × 720 px")).toBeVisible();
  await expect(page.getByTestId("reference-match")).toHaveText(/does not match/);
  await expect(page.getByRole("button", { name: "Generate video" })).toBeDisabled();
  await expect(page.getByText("Fit the reference image to size before submitting.")).toBeVisible();

  await page.getByLabel("Pad").check();
  await page.getByRole("button", { name: "Fit to size" }).click();
  await expect(page.getByText("Fitted to 1280 × 720 px (Pad).")).toBeVisible();
  await expect(page.getByRole("img", { name: "Fitted reference image preview" })).toBeVisible();
  await expect(page.getByTestId("reference-match")).toHaveText("The size matches.");

  // Changing the size makes the fitted copy stale: blocked again until fitted for the new size.
  await page.getByLabel("Size").selectOption("720x1280");
  await expect(page.getByRole("button", { name: "Generate video" })).toBeDisabled();
  await page.getByLabel("Crop to fill").check();
  await page.getByRole("button", { name: "Fit to size" }).click();
  await expect(page.getByText("Fitted to 720 × 1280 px (Crop to fill).")).toBeVisible();
  await expect(page.getByRole("button", { name: "Generate video" })).toBeEnabled();

  const panel = await submitAndFollow(page);
  await expect(panel.getByText("Completed", { exact: true })).toBeVisible({ timeout: 45_000 });
  await panel.getByRole("link", { name: "Open video" }).click();
  await expect(page.getByText("720x1280", { exact: true })).toBeVisible();
  await expect(page.getByRole("link", { name: "Reference image" })).toBeVisible();
  const dimensions = await page.getByLabel("Video player").evaluate(async (el: HTMLVideoElement) => {
    if (el.readyState < 1)
      await new Promise((resolve) => el.addEventListener("loadedmetadata", resolve, { once: true }));
    return [el.videoWidth, el.videoHeight];
  });
  expect(dimensions).toEqual([720, 1280]);
});

test("an exact-size image goes straight through; a wrong type is refused in the browser", async ({ page, login }) => {
  test.setTimeout(90_000);
  const { teamId } = await login("exact");
  await fillGenerateForm(page, teamId, { prompt: "Waves on a quiet beach" });
  const input = page.getByLabel("Reference image (optional)");
  await input.setInputFiles({ name: "notes.txt", mimeType: "text/plain", buffer: Buffer.from("not an image") });
  await expect(page.getByText("Use a JPEG, PNG or WebP image.")).toBeVisible();
  await input.setInputFiles({ name: "beach.png", mimeType: "image/png", buffer: await testImage(720, 1280) });
  await expect(page.getByTestId("reference-match")).toHaveText("The size matches.");
  const panel = await submitAndFollow(page);
  await expect(panel.getByText("Completed", { exact: true })).toBeVisible({ timeout: 45_000 });
});
