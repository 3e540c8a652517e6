import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { expect, test } from "./fixtures";
import { person } from "./team-support";
import { generateVideo } from "./videos-support";
import { readZip } from "../support/read-zip";

// Issue 15, items 1 and 2 in a real browser: select with a click, a shift-click and the keyboard,
// download the selection as one zip (its entries checked against the studio's own copies), favourite,
// make a collection, filter by both, delete many; screenshots in English, Chinese and at 375 px.

test("select, zip, favourite, collect, filter and delete many", async ({ browser }) => {
  test.setTimeout(300_000);
  const owner = await person(browser, "library");
  const { page, teamId } = owner;
  for (const prompt of ["Harbour at dawn one", "Harbour at dawn two", "Forest path three"])
    await generateVideo(page, teamId, { prompt });

  await page.goto(`/t/${teamId}/gallery`);
  const cards = page.getByTestId("video-card");
  await expect(cards).toHaveCount(3);
  const card = (text: string) => cards.filter({ hasText: text });
  const box = (text: string) => card(text).getByTestId("select-video");
  const count = page.getByTestId("selection-count");

  // A click, then a shift-click selects the range between; a second click takes one out.
  await box("Forest path three").click();
  await expect(count).toHaveText("1 selected");
  await box("Harbour at dawn one").click({ modifiers: ["Shift"] });
  await expect(count).toHaveText("3 selected");
  await expect(cards.and(page.locator("[data-selected]"))).toHaveCount(3);
  await box("Forest path three").click();
  await expect(count).toHaveText("2 selected");

  // The zip: the two harbour videos under readable names, byte for byte the studio's copies.
  const downloading = page.waitForEvent("download");
  await page.getByRole("button", { name: "Download zip" }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^sora-studio-\d{4}-\d{2}-\d{2}-2-videos\.zip$/);
  const zip = readZip(readFileSync((await download.path())!));
  const names = zip.map((e) => e.name);
  expect(names).toHaveLength(4);
  expect(names.slice(-2)).toEqual(["manifest.csv", "manifest.json"]);
  expect(names.filter((n) => /^sora-2-\d+x\d+-\d+s-harbour-at-dawn-(one|two)\.mp4$/.test(n))).toHaveLength(2);
  const manifest = JSON.parse(zip.find((e) => e.name === "manifest.json")!.data.toString("utf8")) as {
    videos: { file: string; taskId: string; sha256: string; prompt: string }[];
  };
  for (const video of manifest.videos) {
    const original = await (await page.request.get(`/api/teams/${teamId}/videos/${video.taskId}/media/video`)).body();
    const entry = zip.find((e) => e.name === video.file)!;
    expect(entry.data.equals(original)).toBe(true);
    expect(video.sha256).toBe(createHash("sha256").update(original).digest("hex"));
  }
  await expect(page.getByTestId("zip-progress")).toHaveAttribute("data-state", "done");
  await expect(page.getByTestId("zip-progress")).toContainText("Zip ready: 2 videos");

  // Favourite one card with the keyboard (the star is a toggle button).
  const star = card("Harbour at dawn one").getByRole("button", { name: "Add to favourites" });
  await star.focus();
  await page.keyboard.press("Enter");
  await expect(card("Harbour at dawn one").getByRole("button", { name: "Remove from favourites" })).toHaveAttribute(
    "aria-pressed",
    "true",
  );

  // A collection made from the selection.
  await page.getByTestId("selection-toolbar").getByText("Collections", { exact: true }).click();
  await page.getByLabel("New collection").fill("Harbour picks");
  await page.getByRole("button", { name: "Create with selection" }).click();
  await expect(page.getByText("Collection “Harbour picks” created.")).toBeVisible();
  await page.screenshot({ path: test.info().outputPath("gallery-library-en.png"), fullPage: true });

  // Filters: favourites, the collection, both; kept in the URL.
  await page.getByRole("button", { name: "Clear", exact: true }).click();
  await page.getByLabel("Favourites", { exact: true }).selectOption({ label: "My favourites" });
  await expect(cards).toHaveCount(1);
  await expect(page).toHaveURL(/fav=1/);
  await page.getByLabel("Favourites", { exact: true }).selectOption({ label: "All videos" });
  await page.getByLabel("Collection", { exact: true }).selectOption({ label: "Harbour picks" });
  await expect(cards).toHaveCount(2);
  await expect(page).toHaveURL(/collection=/);
  await expect(page.getByTestId("collection-header")).toContainText("Harbour picks");
  await page.getByLabel("Favourites", { exact: true }).selectOption({ label: "My favourites" });
  await expect(cards).toHaveCount(1);
  await page.reload();
  await expect(cards).toHaveCount(1);
  await expect(cards.first()).toContainText("Harbour at dawn one");

  // The detail page: the star and the collection are there too.
  await cards.first().getByRole("link", { name: "Harbour at dawn one" }).click();
  const panel = page.getByTestId("video-library");
  await expect(panel.getByRole("button", { name: "Remove from favourites" })).toBeVisible();
  await expect(panel.getByRole("checkbox", { name: "Harbour picks" })).toBeChecked();

  // Select all matching (from the server), keyboard only, then delete one.
  await page.goto(`/t/${teamId}/gallery`);
  await page.getByRole("button", { name: "Select all matching" }).click();
  await expect(count).toHaveText("3 selected");
  await page.getByRole("button", { name: "Clear", exact: true }).click();
  await box("Forest path three").focus();
  await page.keyboard.press("Space");
  await expect(count).toHaveText("1 selected");
  await page.getByTestId("selection-toolbar").getByRole("button", { name: "Delete" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Delete" }).click();
  await expect(page.getByTestId("library-notice")).toHaveText("1 video deleted.");
  await expect(cards).toHaveCount(2);
  await expect(card("Forest path three")).toHaveCount(0);

  // Chinese, and a phone.
  await page.getByLabel("Language").first().selectOption("zh-CN");
  await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
  await box("Harbour at dawn two").click();
  await expect(count).toHaveText("已选 1 个");
  await page.screenshot({ path: test.info().outputPath("gallery-library-zh-CN.png"), fullPage: true });
  await page.setViewportSize({ width: 375, height: 800 });
  await cards.first().scrollIntoViewIfNeeded();
  await page.screenshot({ path: test.info().outputPath("gallery-library-zh-CN-375.png"), fullPage: false });
  await owner.close();
});
