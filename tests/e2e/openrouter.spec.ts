import { mkdirSync } from "node:fs";
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";

// OpenRouter through the built-in simulator's `openrouter` profile, in a real browser: add the
// connection, read its live catalogue ("Refresh models"), pick a catalogue model on Generate,
// generate, and see the estimate against the bill on the video's page and on the spend page.
// The profile's billing knob makes usage.cost 20 % above the list price, so they differ. The
// job finishes through the studio's own callback route (signed by the simulator) or its poll.

const SHOTS = `${process.env.E2E_OUTPUT_DIR ?? ".data/or-results"}/screens`;

async function shot(page: Page, name: string) {
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
}

async function billingFactor(page: Page, costFactor: number) {
  const res = await page.request.post("/api/simulator/openrouter/__simulator/billing", { data: { costFactor } });
  expect(res.ok()).toBe(true);
}

const words = {
  en: {
    add: "Add connection",
    kind: "Kind of connection",
    name: "Name",
    added: "Connection added.",
    refresh: "Refresh models",
    // The sweep may have read the list of a new connection before the click: 0 or 3 new.
    read: /Models read: [03] new, 0 changed, 0 removed\./,
    connection: "Connection",
    model: "Model",
    size: "Size",
    duration: "Duration",
    prompt: "Prompt",
    submit: "Generate video",
    completed: "Completed",
    open: "Open video",
    versus: "(estimated $0.25, +$0.05)",
  },
  "zh-CN": {
    add: "添加连接",
    kind: "连接类型",
    name: "名称",
    added: "连接已添加",
    refresh: "刷新模型",
    read: /已读取模型：新增 [03] 个，变更 0 个，下架 0 个。/,
    connection: "连接",
    model: "模型",
    size: "尺寸",
    duration: "时长",
    prompt: "提示词",
    submit: "生成视频",
    completed: "已完成",
    open: "打开视频",
    versus: "（预估 $0.25，+$0.05）",
  },
} as const;

async function journey(page: Page, teamId: string, w: (typeof words)["en" | "zh-CN"], tag: string) {
  await page.goto(`/t/${teamId}/team/provider`);
  const add = page.locator("form").filter({ has: page.getByRole("button", { name: w.add }) });
  await add.getByLabel(w.kind).selectOption("simulator-openrouter");
  await add.getByLabel(w.name, { exact: true }).fill("OpenRouter sim");
  await add.getByRole("button", { name: w.add }).click();
  await expect(page.getByText(w.added, { exact: false })).toBeVisible();

  const card = page.getByTestId("connection").filter({ hasText: "OpenRouter sim" });
  const catalogue = card.getByTestId("catalogue");
  await catalogue.getByRole("button", { name: w.refresh }).click();
  await expect(catalogue.getByText(w.read)).toBeVisible({ timeout: 30_000 });
  await expect(catalogue.getByTestId("catalogue-model")).toHaveCount(3);
  await expect(catalogue.locator('[data-model="alibaba/wan-2.6"]')).toContainText("$0.05");
  await shot(page, `connections-${tag}`);

  await page.goto(`/t/${teamId}/generate`);
  await page.getByLabel(w.connection, { exact: true }).selectOption({ label: "OpenRouter sim" });
  await page.getByLabel(w.model).selectOption("alibaba/wan-2.6");
  await page.getByLabel(w.size).selectOption("854x480");
  await page.getByLabel(w.duration).selectOption("5");
  await expect(page.getByTestId("cost-line")).toContainText("$0.25");
  await page.getByLabel(w.prompt).fill(`Rain on a tin roof (${tag})`);
  await shot(page, `generate-${tag}`);
  await page.getByRole("button", { name: w.submit }).click();
  const panel = page.getByTestId("latest-video");
  await expect(panel.getByText(w.completed, { exact: true })).toBeVisible({ timeout: 90_000 });

  await panel.getByRole("link", { name: w.open }).click();
  await page.waitForURL(/\/gallery\/[^/]+$/);
  const status = page.getByTestId("video-status");
  await expect(status.locator('[data-cost="actual"]')).toHaveText("$0.30", { timeout: 30_000 });
  await expect(status.locator('[data-cost="difference"]')).toHaveText(w.versus);
  await shot(page, `detail-${tag}`);

  await page.goto(`/t/${teamId}/spend`);
  const row = page.getByTestId("estimate-table").locator('[data-model="alibaba/wan-2.6"]');
  await expect(row).toContainText("$0.25");
  await expect(row).toContainText("$0.30");
  await expect(row).toContainText("+$0.05");
  await shot(page, `spend-${tag}`);
}

test.describe.configure({ mode: "serial" });

test.afterAll(async ({ request }) => {
  await request.post("/api/simulator/openrouter/__simulator/billing", { data: { costFactor: 1 } });
});

test("OpenRouter: add, refresh the catalogue, generate on a catalogue model, estimate against the bill", async ({
  page,
  login,
}) => {
  test.setTimeout(180_000);
  const { teamId } = await login("openrouter");
  await billingFactor(page, 1.2);
  await journey(page, teamId, words.en, "en");
});

test.describe("in Chinese, on a phone", () => {
  test.use({ locale: "zh-CN", viewport: { width: 375, height: 800 } });
  test("the same journey reads in Chinese at 375 px", async ({ page, login }) => {
    test.setTimeout(180_000);
    const { teamId } = await login("openrouter-zh");
    await billingFactor(page, 1.2);
    await journey(page, teamId, words["zh-CN"], "zh-CN-375");
  });
});
