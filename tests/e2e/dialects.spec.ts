import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Page } from "@playwright/test";
import { expect, screenshot, test } from "./fixtures";
import { probeMp4, submitAndFollow } from "./videos-support";

// One browser test per dialect, offline against the built-in simulator's profiles: add the
// connection, generate on it, watch it finish, play it, download it, and see the charge in the
// provider's own unit (per clip, per request, per second; billed at create where that applies).

async function addConnection(page: Page, teamId: string, preset: string, name: string) {
  await page.goto(`/t/${teamId}/team/provider`);
  const add = page.locator("form").filter({ has: page.getByRole("button", { name: "Add connection" }) });
  await add.getByLabel("Kind of connection").selectOption(preset);
  await add.getByLabel("Name", { exact: true }).fill(name);
  await add.getByRole("button", { name: "Add connection" }).click();
  await expect(page.getByText("Connection added.", { exact: false })).toBeVisible();
}

async function playAndDownload(page: Page, size: { width: number; height: number; seconds: number }) {
  const video = page.getByLabel("Video player");
  await expect(video).toBeVisible();
  const playback = await video.evaluate(async (el: HTMLVideoElement) => {
    el.muted = true;
    await el.play();
    return { readyState: el.readyState, width: el.videoWidth, height: el.videoHeight };
  });
  expect(playback.readyState).toBeGreaterThanOrEqual(2);
  expect(playback).toMatchObject({ width: size.width, height: size.height });
  // It plays: time moves (on a busy machine the first frames may take a while).
  await expect
    .poll(() => video.evaluate((el: HTMLVideoElement) => el.currentTime), { timeout: 15_000 })
    .toBeGreaterThan(0);
  const downloadPromise = page.waitForEvent("download");
  await page.getByRole("link", { name: "Download video (MP4)" }).click();
  const download = await downloadPromise;
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), "dialect-e2e-")), download.suggestedFilename());
  await download.saveAs(file);
  const probe = await probeMp4(file);
  expect(probe).toMatchObject({ width: size.width, height: size.height, codec: "h264" });
  expect(probe.duration).toBeCloseTo(size.seconds, 0);
  // Our own poster, also where the provider sends none.
  await expect(page.getByRole("link", { name: "Download thumbnail (WebP)" })).toBeVisible();
}

const cases = [
  {
    dialect: "API易 官逆 (bare key, url in the body)",
    preset: "simulator-yi-reverse",
    name: "官逆 sim",
    model: "sora-2",
    size: "1280x720",
    seconds: 10,
    price: "$0.15",
    unit: /per clip/,
    billing: /Billed when the video is completed/,
    delivered: { width: 1280, height: 704, seconds: 10 },
  },
  {
    dialect: "relaxed relay (LaoZhang Muse: task ids, video_url, billed at create)",
    preset: "simulator-relay",
    name: "Muse sim",
    model: "muse-video",
    size: "720x1280",
    seconds: 5,
    price: "$0.30",
    unit: /per clip/,
    billing: /Billed at create, refunded on failure/,
    delivered: { width: 720, height: 1280, seconds: 5 },
  },
  {
    dialect: "Veo 3.1 (id and task_id, /content only, per request)",
    preset: "simulator-veo",
    name: "Veo sim",
    model: "veo-3.1-fast-generate-preview",
    size: "1280x720",
    seconds: 4,
    price: "$0.30",
    unit: /per request/,
    billing: /Billed when the video is completed/,
    delivered: { width: 1280, height: 720, seconds: 4 },
  },
];

for (const c of cases) {
  test(`${c.dialect}: add the connection, generate, watch, play, download, charged ${c.price}`, async ({
    page,
    login,
  }) => {
    test.setTimeout(150_000);
    const { teamId } = await login(`dialect-${c.preset}`);
    await addConnection(page, teamId, c.preset, c.name);

    await page.goto(`/t/${teamId}/generate`);
    await page.getByLabel("Connection").selectOption({ label: c.name });
    await page.getByLabel("Model").selectOption(c.model);
    await page.getByLabel("Size").selectOption(c.size);
    await page.getByLabel("Duration").selectOption(String(c.seconds));
    await expect(page.getByTestId("cost-line")).toHaveText(`${c.model} · ${c.size} · ${c.seconds} s = ${c.price}`);
    await expect(page.getByTestId("cost-unit")).toHaveText(c.unit);
    await expect(page.getByTestId("cost-billing")).toHaveText(c.billing);
    await page.getByLabel("Prompt").fill(`A paper boat on a canal, ${c.preset}`);
    const panel = await submitAndFollow(page);
    await expect(panel.getByText("Completed", { exact: true })).toBeVisible({ timeout: 90_000 });
    await expect(panel.getByText(c.price, { exact: true })).toBeVisible({ timeout: 30_000 });

    await panel.getByRole("link", { name: "Open video" }).click();
    await page.waitForURL(/\/gallery\/[^/]+$/);
    await expect(page.getByText(c.name).first()).toBeVisible();
    await playAndDownload(page, c.delivered);
  });
}

test.describe("Connections and Generate in Chinese, on a phone", () => {
  test.use({ locale: "zh-CN" });
  test("the connections page and a Veo connection's Generate form read in Chinese at 375 px", async ({
    page,
    login,
  }) => {
    test.setTimeout(120_000);
    const { teamId } = await login("dialect-zh");
    await page.setViewportSize({ width: 375, height: 800 });
    await page.goto(`/t/${teamId}/team/provider`);
    await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
    const add = page.locator("form").filter({ has: page.getByRole("button", { name: "添加连接" }) });
    await add.getByLabel("连接类型").selectOption("simulator-veo");
    await add.getByLabel("名称", { exact: true }).fill("Veo 模拟");
    await add.getByRole("button", { name: "添加连接" }).click();
    await expect(page.getByText("连接已添加", { exact: false })).toBeVisible();
    // The form is back to its default kind, and what it says matches the select.
    await expect(add.getByLabel("连接类型")).toHaveValue("simulator-relay");
    await screenshot(page, "connections-zh-CN-phone");
    await page.goto(`/t/${teamId}/generate`);
    await page.getByLabel("连接", { exact: true }).selectOption({ label: "Veo 模拟" });
    await page.getByLabel("模型").selectOption("veo-3.1-generate-preview");
    await page.getByLabel("尺寸").selectOption("1920x1080");
    // 1080p offers 8 s only.
    await expect(page.getByLabel("时长").locator("option")).toHaveCount(1);
    await expect(page.getByTestId("cost-line")).toContainText("$1.20");
    await screenshot(page, "generate-veo-zh-CN-phone");
  });
});
