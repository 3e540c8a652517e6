import { standardWebhookValid, startReceiver } from "../support/webhook-receiver";
import { expect, screenshot, test } from "./fixtures";
import { person, withDb } from "./team-support";
import { fillGenerateForm, submitAndFollow } from "./videos-support";

// Team → Notifications in the built studio: an owner adds a Standard Webhooks endpoint pointing
// at a receiver on 127.0.0.1 (allowed by STUDIO_WEBHOOK_PRIVATE_TARGETS=allow in
// playwright.config.ts), copies the secret shown once, and "Send test" reaches the receiver
// signed with it; the page shows the answer and the attempt, never the full URL.

test("an owner adds a webhook endpoint and sends a test", async ({ page, login }) => {
  const receiver = await startReceiver();
  try {
    const owner = await login("notify-owner");
    await page.goto(`/t/${owner.teamId}/team`);
    await page.getByRole("navigation", { name: "Team pages" }).getByRole("link", { name: "Notifications" }).click();
    await expect(page.getByRole("heading", { name: "Notifications", exact: true })).toBeVisible();
    await expect(page.getByText("No endpoints yet.")).toBeVisible();

    await page.getByLabel("Name", { exact: true }).fill("Ops server");
    await page.getByLabel("Format", { exact: true }).selectOption({ label: "JSON (Standard Webhooks, signed)" });
    await page.getByLabel("URL", { exact: true }).fill(receiver.url("/studio-hook-secret-path"));
    await page.getByRole("button", { name: "Add endpoint" }).click();
    const secretField = page.getByLabel("The signing secret, shown this once. Keep it with your receiver:");
    await expect(secretField).toHaveValue(/^whsec_[A-Za-z0-9+/]{43}=$/);
    const secret = await secretField.inputValue();

    const row = page.getByRole("list", { name: "Endpoints" }).getByRole("listitem", { name: "Ops server" });
    await expect(row.getByText("On", { exact: true })).toBeVisible();
    await expect(page.getByText("studio-hook-secret-path")).toHaveCount(0);

    await row.getByRole("button", { name: "Send test: Ops server" }).click();
    await expect(row.getByText(/^Test delivered: HTTP 200 in \d+ ms\.$/)).toBeVisible();
    expect(receiver.received).toHaveLength(1);
    const [got] = receiver.received;
    expect(standardWebhookValid(secret, got!)).toBe(true);
    expect(JSON.parse(got!.body)).toMatchObject({ type: "test", data: { endpoint: { name: "Ops server" } } });

    // The delivery log, after a reload: the secret is not shown again.
    await page.reload();
    await expect(page.getByLabel("The signing secret, shown this once. Keep it with your receiver:")).toHaveCount(0);
    const reloaded = page.getByRole("list", { name: "Endpoints" }).getByRole("listitem", { name: "Ops server" });
    await reloaded.getByText("Recent deliveries").click();
    await expect(reloaded.getByRole("list", { name: "Recent deliveries" }).getByText("attempt 1")).toBeVisible();
    await screenshot(page, "team-notifications-en");
  } finally {
    await receiver.close();
  }
});

test("browser notifications: turned on with a click, shown when one's own video fails in the gallery", async ({
  page,
  login,
  baseURL,
}) => {
  test.setTimeout(120_000);
  // What the page hands to the Notification API is recorded (a headless browser shows nothing).
  await page.addInitScript(() => {
    const Real = window.Notification;
    const shown: { title: string; body?: string }[] = [];
    class Recording extends Real {
      constructor(title: string, options?: NotificationOptions) {
        shown.push({ title, body: options?.body });
        super(title, options);
      }
    }
    Object.defineProperty(Recording, "permission", { get: () => Real.permission });
    Object.defineProperty(Recording, "requestPermission", { value: Real.requestPermission.bind(Real) });
    Object.assign(window, { Notification: Recording, __shown: shown });
  });
  await page.context().grantPermissions(["notifications"], { origin: baseURL });
  const owner = await login("notify-browser");
  await page.goto(`/t/${owner.teamId}/gallery`);
  await page.getByRole("button", { name: "Notify me in this browser" }).click();
  await expect(page.getByText("Browser notifications on")).toBeVisible();

  // A video that fails after a while, watched from the gallery: each request about it takes 6 s,
  // so the studio learns of the failure (create, then a first poll) well after the gallery opens.
  // A notification is for a change the page saw happen, not for a card that loads already failed.
  await fillGenerateForm(page, owner.teamId, { prompt: "A night train [[fail]] [[slow:6000]]" });
  await submitAndFollow(page);
  await page.goto(`/t/${owner.teamId}/gallery`);
  await expect(page.getByText("Browser notifications on")).toBeVisible();
  await expect
    .poll(() => page.evaluate(() => (window as unknown as { __shown: { title: string }[] }).__shown), {
      timeout: 60_000,
    })
    .toEqual([{ title: "Your video failed", body: "A night train [[fail]] [[slow:6000]]" }]);
});

test("members see no Notifications tab and the page refuses them; strangers get 404", async ({ browser }) => {
  const owner = await person(browser, "notify-owner2");
  const member = await person(browser, "notify-member");
  const stranger = await person(browser, "notify-stranger");
  withDb((db) =>
    db
      .prepare("INSERT INTO Membership (id, teamId, userId, role, createdAt) VALUES (?, ?, ?, 'MEMBER', ?)")
      .run(`m${member.user.id}`, owner.teamId, member.user.id, new Date().toISOString().replace("Z", "+00:00")),
  );
  await member.page.goto(`/t/${owner.teamId}/team`);
  await expect(member.page.getByRole("heading", { name: "Team", exact: true })).toBeVisible();
  await expect(member.page.getByRole("link", { name: "Notifications", exact: true })).toHaveCount(0);
  await member.page.goto(`/t/${owner.teamId}/team/notifications`);
  await expect(member.page.getByText("Not available for your role")).toBeVisible();
  await expect(member.page.getByRole("button", { name: "Add endpoint" })).toHaveCount(0);
  expect((await stranger.page.goto(`/t/${owner.teamId}/team/notifications`))?.status()).toBe(404);
  await owner.close();
  await member.close();
  await stranger.close();
});
