import { readFile } from "node:fs/promises";
import { expect, screenshot, test } from "./fixtures";
import { createInviteLink, insertCharge, person, userIdOf } from "./team-support";

function thisMonth() {
  const now = new Date();
  return {
    key: now.toISOString().slice(0, 7),
    day: (d: number) => new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), d, 12)),
  };
}

test("the spend page shows totals, a chart by day, breakdowns and charges; CSV downloads; budgets save", async ({
  browser,
}) => {
  const owner = await person(browser, "payer");
  const link = await createInviteLink(owner.page, owner.teamId);
  const member = await person(browser, "spender");
  await member.page.goto(link);
  await member.page.getByRole("button", { name: /^Join / }).click();
  await member.page.waitForURL(`**/t/${owner.teamId}/generate`);

  const month = thisMonth();
  const ownerId = userIdOf(owner.user.email);
  const memberId = userIdOf(member.user.email);
  const taskId = insertCharge(owner.teamId, ownerId, 120, month.day(1), "sora-2-pro");
  insertCharge(owner.teamId, ownerId, 40, month.day(2));
  insertCharge(owner.teamId, memberId, 80, month.day(2));
  const earlier = new Date(month.day(1).getTime() - 20 * 86_400_000);
  insertCharge(owner.teamId, memberId, 999, earlier);

  const page = owner.page;
  await page.goto(`/t/${owner.teamId}/spend`);
  await expect(page.getByRole("heading", { name: "Spend", exact: true })).toBeVisible();
  await expect(page.getByText("Team spend", { exact: true }).locator("..")).toContainText("$2.40");
  const chart = page.getByRole("img", { name: /Spend per day in/ });
  await expect(chart).toBeVisible();
  expect(await chart.locator("rect[data-day]").count()).toBeGreaterThanOrEqual(28);
  await expect(chart.locator(`rect[data-day="${month.key}-02"]`)).toHaveAttribute("data-cents", "120");
  await page.getByText("Show as a table").click();
  await expect(page.getByRole("row", { name: `${month.key}-02 $1.20` })).toBeVisible();
  const byMember = page.getByRole("table", { name: "By member" });
  await expect(byMember.getByRole("row", { name: new RegExp(`${owner.user.name} 2 \\$1\\.60`) })).toBeVisible();
  await expect(byMember.getByRole("row", { name: new RegExp(`${member.user.name} 1 \\$0\\.80`) })).toBeVisible();
  await expect(page.getByRole("link", { name: "Open video" }).last()).toHaveAttribute(
    "href",
    `/t/${owner.teamId}/gallery/${taskId}`,
  );

  // Budget: dollars with cents in, integer cents stored, the remaining amount shown.
  await page.getByLabel("Monthly team budget (USD)").fill("12.5");
  await page.getByRole("button", { name: "Save budget" }).click();
  await expect(page.getByText("Budget saved.")).toBeVisible();
  await expect(page.getByText("Team budget left", { exact: true }).locator("..")).toContainText("$10.10");
  await expect(page.getByText("of $12.50")).toBeVisible();
  await page.getByLabel("Monthly team budget (USD)").fill("1.234");
  await page.getByRole("button", { name: "Save budget" }).click();
  await expect(page.getByText("at most two decimals")).toBeVisible();
  await screenshot(page, "spend-owner-en");

  // CSV of the month, as a download with a proper name, dollars with two decimals.
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "Download CSV" }).click(),
  ]);
  expect(download.suggestedFilename()).toBe(`spend-${month.key}.csv`);
  const csv = (await readFile((await download.path())!, "utf8")).replace(/^\uFEFF/, "");
  const lines = csv.trim().split("\r\n");
  expect(lines[0]).toBe("date_utc,member,email,model,size,seconds,amount_usd,task_id,video_url");
  expect(lines).toHaveLength(4);
  expect(csv).toContain(`,sora-2-pro,720x1280,4,1.20,${taskId},`);
  expect(csv).not.toContain("9.99");

  // An earlier month through the picker.
  await page.getByLabel("Month", { exact: true }).selectOption(earlier.toISOString().slice(0, 7));
  await expect(page).toHaveURL(new RegExp(`month=${earlier.toISOString().slice(0, 7)}`));
  await expect(page.getByText("Team spend", { exact: true }).locator("..")).toContainText("$9.99");

  // A member sees the team total and only their own charges; no per-member table, no budget form.
  await member.page.goto(`/t/${owner.teamId}/spend`);
  await expect(member.page.getByText("Team spend", { exact: true }).locator("..")).toContainText("$2.40");
  await expect(member.page.getByText("Your spend", { exact: true }).locator("..")).toContainText("$0.80");
  await expect(member.page.getByRole("table", { name: "By member" })).toHaveCount(0);
  await expect(member.page.getByLabel("Monthly team budget (USD)")).toHaveCount(0);
  await expect(member.page.getByRole("link", { name: "Open video" })).toHaveCount(1);
  const mine = await member.page.request.get(`/api/teams/${owner.teamId}/spend/csv?month=${month.key}`);
  expect(mine.status()).toBe(200);
  expect(mine.headers()["content-disposition"]).toBe(`attachment; filename="spend-${month.key}-mine.csv"`);
  expect((await mine.text()).trim().split("\r\n")).toHaveLength(2);
  await screenshot(member.page, "spend-member-en");
  await owner.close();
  await member.close();
});

test("the spend page in Chinese", async ({ browser, baseURL }) => {
  const owner = await person(browser, "zhpayer");
  insertCharge(owner.teamId, userIdOf(owner.user.email), 250, thisMonth().day(1));
  await owner.page.context().addCookies([{ name: "studio-locale", value: "zh-CN", url: baseURL }]);
  await owner.page.goto(`/t/${owner.teamId}/spend`);
  await expect(owner.page.getByRole("heading", { name: "花费", exact: true })).toBeVisible();
  await expect(owner.page.getByText("团队花费", { exact: true })).toBeVisible();
  await screenshot(owner.page, "spend-owner-zh-CN");
  await owner.page.goto(`/t/${owner.teamId}/team`);
  await expect(owner.page.getByRole("heading", { name: "团队", exact: true })).toBeVisible();
  await screenshot(owner.page, "team-members-owner-zh-CN");
  await owner.close();
});
