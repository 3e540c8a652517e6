import { expect, test } from "./fixtures";
import { createInviteLink, person } from "./team-support";
import { generateVideo } from "./videos-support";

test("detail: Range requests, remix into a new video, delete own after confirming; a member cannot delete others'", async ({
  browser,
}) => {
  test.setTimeout(150_000);
  const owner = await person(browser, "detailowner");
  const link = await createInviteLink(owner.page, owner.teamId);
  const member = await person(browser, "detailmember");
  await member.page.goto(link);
  await member.page.getByRole("button", { name: /^Join / }).click();
  await member.page.waitForURL(`**/t/${owner.teamId}/generate`);

  const panel = await generateVideo(owner.page, owner.teamId, { prompt: "A kite over green dunes", size: "1280x720" });
  await panel.getByRole("link", { name: "Open video" }).click();
  const page = owner.page;
  await page.waitForURL(/\/gallery\/[^/]+$/);
  const detailUrl = page.url();
  const src = await page.getByLabel("Video player").getAttribute("src");

  // The player seeks with Range: the studio answers 206 with the asked bytes.
  const partial = await page.request.get(src!, { headers: { Range: "bytes=0-99" } });
  expect(partial.status()).toBe(206);
  expect(partial.headers()["content-range"]).toMatch(/^bytes 0-99\/\d+$/);
  expect((await partial.body()).subarray(4, 8).toString("latin1")).toBe("ftyp");
  expect((await page.request.get(src!, { headers: { Range: "bytes=999999999-" } })).status()).toBe(416);

  // A member sees the owner's video but gets no delete button for it.
  await member.page.goto(detailUrl);
  await expect(member.page.getByRole("heading", { level: 1 })).toHaveText("A kite over green dunes");
  await expect(member.page.getByRole("button", { name: "Delete video" })).toHaveCount(0);

  // Remix: a new task, priced like the source, opened on its own detail page.
  await page.getByLabel("What to change").fill("Make it night, with stars");
  await page.getByRole("button", { name: "Remix" }).click();
  await page.waitForURL((url) => url.href !== detailUrl && /\/gallery\/[^/]+$/.test(url.pathname));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Make it night, with stars");
  await expect(page.getByRole("link", { name: "the original video" })).toHaveAttribute(
    "href",
    new URL(detailUrl).pathname,
  );
  await expect(page.getByTestId("video-status").getByText("Completed", { exact: true })).toBeVisible({
    timeout: 45_000,
  });
  await expect(page.getByLabel("Video player")).toBeVisible();

  // Delete asks first; cancelling keeps the video.
  await page.goto(detailUrl);
  await page.getByRole("button", { name: "Delete video" }).click();
  const dialog = page.getByRole("dialog", { name: "Delete this video?" });
  await expect(dialog).toBeVisible();
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(dialog).toBeHidden();
  await page.getByRole("button", { name: "Delete video" }).click();
  await dialog.getByRole("button", { name: "Delete", exact: true }).click();
  await page.waitForURL(`**/t/${owner.teamId}/gallery`);
  await expect(page.getByTestId("video-card")).toHaveCount(1);
  await expect(page.getByTestId("video-card")).toContainText("Make it night");
  expect((await page.goto(detailUrl))?.status()).toBe(404);
  expect((await page.request.get(src!)).status()).toBe(404);
  await owner.close();
  await member.close();
});
