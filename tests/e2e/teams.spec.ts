import { expect, test } from "./fixtures";
import { person } from "./team-support";

test("create a second team and switch between teams", async ({ page, login }) => {
  const user = await login("alan");
  const firstTeam = user.teamId;
  await page.goto(`/t/${firstTeam}/generate`);
  await page.getByRole("link", { name: "New team" }).click();
  await page.getByLabel("Team name").fill("Night Shift");
  await page.getByRole("button", { name: "Create team" }).click();
  await page.waitForURL(/\/t\/[^/]+\/generate$/);
  const secondTeam = new URL(page.url()).pathname.split("/")[2];
  expect(secondTeam).not.toBe(firstTeam);
  const switcher = page.getByLabel("Switch team");
  await expect(switcher.locator("option:checked")).toHaveText("Night Shift · Owner");

  await page.getByRole("link", { name: "Gallery", exact: true }).click();
  await expect(page).toHaveURL(`/t/${secondTeam}/gallery`);
  await switcher.selectOption(firstTeam);
  await expect(page).toHaveURL(`/t/${firstTeam}/gallery`);
  await expect(switcher.locator("option:checked")).toHaveText(`${user.name}'s team · Owner`);
  // The active team is remembered: the front door goes back to it.
  await page.goto("/");
  await expect(page).toHaveURL(`/t/${firstTeam}/generate`);
});

test("an empty team name is refused with a message", async ({ page, login }) => {
  await login("barbara");
  await page.goto("/teams/new");
  await page.getByRole("button", { name: "Create team" }).click();
  await expect(page.getByText("Enter a team name.")).toBeVisible();
});

test("another user cannot open the first user's team (404)", async ({ browser }) => {
  const owner = await person(browser, "owner");
  const teamId = owner.teamId;

  const stranger = await person(browser, "stranger");
  const strangerPage = stranger.page;
  for (const section of ["generate", "gallery", "team", "spend", "settings"]) {
    const response = await strangerPage.goto(`/t/${teamId}/${section}`);
    expect(response?.status(), section).toBe(404);
    await expect(strangerPage.getByRole("heading", { name: "Not found" })).toBeVisible();
  }
  await owner.close();
  await stranger.close();
});

test("an owner sets how long the studio keeps videos", async ({ page, login }) => {
  const { teamId } = await login("keeper");
  await page.goto(`/t/${teamId}/settings`);
  const retention = page.getByLabel("Keep our copy of each video");
  await expect(retention).toHaveValue("keep");
  await retention.selectOption("30");
  await page.getByRole("button", { name: "Save retention" }).click();
  await expect(page.getByText("Retention saved.")).toBeVisible();
  await page.reload();
  await expect(page.getByLabel("Keep our copy of each video")).toHaveValue("30");
});
