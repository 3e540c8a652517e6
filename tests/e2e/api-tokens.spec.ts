import OpenAI from "openai";
import { randomUUID } from "node:crypto";
import { expect, screenshot, test } from "./fixtures";
import { person, withDb } from "./team-support";

// Team → API in the built studio: an owner creates a token (shown once), the official SDK uses it
// against /api/v1 of the same server, the list shows its last four and last use, revoking it
// stops it at once, and the audit log tells both.

test("an owner creates an API token, uses it with the openai SDK, and revokes it", async ({ page, login, baseURL }) => {
  const owner = await login("api-owner");
  await page.goto(`/t/${owner.teamId}/team`);
  await page.getByRole("navigation", { name: "Team pages" }).getByRole("link", { name: "API" }).click();
  await expect(page.getByRole("heading", { name: "API", exact: true })).toBeVisible();
  await expect(page.getByText(`Base URL for the OpenAI SDK: ${baseURL}/api/v1`)).toBeVisible();
  await expect(page.getByText("No tokens yet.")).toBeVisible();

  await page.getByLabel("Name").fill("CI pipeline");
  await page.getByLabel("Monthly cap in USD (optional)").fill("5");
  await page.getByLabel("Expires").selectOption({ label: "In 30 days" });
  await page.getByRole("button", { name: "Create token" }).click();
  const secretField = page.getByLabel("Your new token");
  await expect(secretField).toHaveValue(/^sst_[A-Za-z0-9_-]{43}$/);
  const secret = await secretField.inputValue();
  await expect(page.getByText("Shown only this once: copy it now.")).toBeVisible();
  await screenshot(page, "team-api-token-created-en");

  // The token works against the studio itself, through the proxy, with the official SDK.
  const client = new OpenAI({ baseURL: `${baseURL}/api/v1`, apiKey: secret, maxRetries: 0 });
  const models = await client.models.list();
  expect(models.data.map((m) => m.id)).toContain("sora-2");

  // Listed by name and last four, with its cap and its use; never the secret again.
  await page.reload();
  const row = page.getByRole("list", { name: "Tokens" }).getByRole("listitem").filter({ hasText: "CI pipeline" });
  await expect(row.getByText(`ends in ${secret.slice(-4)}`)).toBeVisible();
  await expect(row.getByText("Active", { exact: true })).toBeVisible();
  await expect(row.getByText(/last used /)).toBeVisible();
  await expect(row.getByText("cap $5.00 a month, $0.00 spent this month")).toBeVisible();
  await expect(page.getByLabel("Your new token")).toHaveCount(0);
  await expect(page.getByText(secret)).toHaveCount(0);

  // A video made through the API is the team's: in the gallery, marked with the token's name.
  const video = await client.videos.create({ model: "sora-2", prompt: "Made by a script", seconds: "4" });
  await page.goto(`/t/${owner.teamId}/gallery`);
  const card = page.getByRole("article").filter({ hasText: "Made by a script" });
  await expect(card.getByText("through the API: CI pipeline")).toBeVisible();
  await page.goto(`/t/${owner.teamId}/gallery/${video.id}`);
  await expect(page.getByText("CI pipeline", { exact: true })).toBeVisible();

  await page.goto(`/t/${owner.teamId}/team/api`);
  await row.getByRole("button", { name: "Revoke the token “CI pipeline”" }).click();
  await expect(row.getByText("Revoked", { exact: true })).toBeVisible();
  await expect(row.getByRole("button", { name: /^Revoke/ })).toHaveCount(0);
  const refused = await client.models.list().catch((error: unknown) => error);
  expect(refused).toBeInstanceOf(OpenAI.AuthenticationError);

  await page.goto(`/t/${owner.teamId}/team/audit`);
  const entries = page.getByRole("list", { name: "Audit log" }).getByRole("listitem");
  await expect(entries.nth(0)).toContainText(`revoked the API token “CI pipeline” ending in ${secret.slice(-4)}`);
  await expect(entries.nth(1)).toContainText(
    `created the API token “CI pipeline” ending in ${secret.slice(-4)} (monthly cap: $5.00)`,
  );
});

test("members see no API tab, and the API page tells them it is not for their role", async ({ browser }) => {
  const owner = await person(browser, "api-owner2");
  const member = await person(browser, "api-member");
  withDb((db) =>
    db
      .prepare("INSERT INTO Membership (id, teamId, userId, role, createdAt) VALUES (?, ?, ?, 'MEMBER', ?)")
      .run(
        `m${randomUUID().replace(/-/g, "")}`,
        owner.teamId,
        member.user.id,
        new Date().toISOString().replace("Z", "+00:00"),
      ),
  );
  await member.page.goto(`/t/${owner.teamId}/team`);
  await expect(member.page.getByRole("heading", { name: "Team", exact: true })).toBeVisible();
  await expect(member.page.getByRole("link", { name: "API", exact: true })).toHaveCount(0);
  await member.page.goto(`/t/${owner.teamId}/team/api`);
  await expect(member.page.getByText("Not available for your role")).toBeVisible();
  await expect(member.page.getByRole("button", { name: "Create token" })).toHaveCount(0);
  await owner.close();
  await member.close();
});

test.describe("in Chinese", () => {
  test.use({ locale: "zh-CN" });

  test("the API page speaks Chinese, and a new token is shown once", async ({ page, login, baseURL }) => {
    const owner = await login("api-zh");
    await page.goto(`/t/${owner.teamId}/team/api`);
    await expect(page.getByRole("heading", { name: "API 令牌", exact: true })).toBeVisible();
    // The base URL carries the browser's origin only once the form has hydrated.
    await expect(page.getByText(`OpenAI SDK 的 Base URL：${baseURL}/api/v1`)).toBeVisible();
    await page.getByLabel("名称").fill("夜间批处理");
    await page.getByRole("button", { name: "创建令牌" }).click();
    await expect(page.getByLabel("你的新令牌")).toHaveValue(/^sst_/);
    await expect(page.getByText("只显示这一次：请立即复制。工作室只保存它的哈希值。")).toBeVisible();
    await screenshot(page, "team-api-token-created-zh");
  });
});
