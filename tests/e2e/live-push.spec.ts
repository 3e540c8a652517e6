import { expect, test } from "./fixtures";
import { fillGenerateForm, submitAndFollow } from "./videos-support";

// Live updates pushed over Server-Sent Events (issue 12, item 4; decision 110): while the stream
// is open a page re-reads a card when a message names it, not on an interval; when the stream
// cannot open, the page polls the status route as before. Both paths end with the same card.

test("with the stream open, a live card waits for messages instead of polling, and still completes", async ({
  page,
  login,
}) => {
  test.setTimeout(120_000);
  const { teamId } = await login("pushed");
  // A job that stays at 40 % for a while: nothing changes upstream, so nothing should be asked.
  await fillGenerateForm(page, teamId, { prompt: "A lantern swaying in the wind [[stall:40]]" });
  await submitAndFollow(page);
  const statusRequests: number[] = [];
  const streams: string[] = [];
  page.on("request", (r) => {
    if (r.url().includes("/videos/status")) statusRequests.push(Date.now());
    if (r.url().includes("/videos/events")) streams.push(r.url());
  });
  await page.goto(`/t/${teamId}/gallery`);
  const card = page.getByTestId("video-card").first();
  await expect(card.getByRole("progressbar", { name: "Progress" })).toHaveAttribute("aria-valuenow", "40", {
    timeout: 30_000,
  });
  // The card is in the page's first HTML (decision 130), so it can show 40 % before the page has
  // hydrated, read the card once and opened its stream (which re-reads once when it connects):
  // wait for the stream, then for a quiet 1.5 s (the fallback would ask every second or so).
  await expect.poll(() => streams.length).toBe(1);
  await expect
    .poll(
      async () => {
        const seen = statusRequests.length;
        await page.waitForTimeout(1_500);
        return statusRequests.length === seen;
      },
      { timeout: 20_000 },
    )
    .toBe(true);
  // Settled at 40 %: over the next 6 s (the fallback would poll every second or so here) the page
  // asks nothing, because no message names the card.
  const before = statusRequests.length;
  await page.waitForTimeout(6_000);
  expect(statusRequests.length - before).toBe(0);

  // A job that completes: its messages bring the card to Completed without any polling.
  await fillGenerateForm(page, teamId, { prompt: "A paper boat on a pond" });
  await submitAndFollow(page);
  await page.goto(`/t/${teamId}/gallery`);
  await expect(
    page.getByTestId("video-card").filter({ hasText: "paper boat" }).getByText("Completed", { exact: true }),
  ).toBeVisible({ timeout: 45_000 });
});

test("when the stream cannot open, the page falls back to polling and the card still completes", async ({
  page,
  login,
}) => {
  test.setTimeout(120_000);
  const { teamId } = await login("unpushed");
  // A stream that ends at once, every time (as behind a proxy that buffers or cuts it): the page
  // never hears `ready`, and EventSource keeps reconnecting in the background.
  let attempts = 0;
  await page.route("**/videos/events", (route) => {
    attempts++;
    return route.fulfill({ status: 200, contentType: "text/event-stream", body: "" });
  });
  await fillGenerateForm(page, teamId, { prompt: "A kite over the dunes [[stall:40]]" });
  await submitAndFollow(page);
  const statusRequests: number[] = [];
  page.on("request", (r) => {
    if (r.url().includes("/videos/status")) statusRequests.push(Date.now());
  });
  await page.goto(`/t/${teamId}/gallery`);
  await expect(page.getByTestId("video-card").first().getByRole("progressbar", { name: "Progress" })).toHaveAttribute(
    "aria-valuenow",
    "40",
    { timeout: 30_000 },
  );
  const before = statusRequests.length;
  await page.waitForTimeout(6_000);
  expect(statusRequests.length - before).toBeGreaterThanOrEqual(2);
  expect(attempts).toBeGreaterThanOrEqual(1);

  await fillGenerateForm(page, teamId, { prompt: "A paper plane over a city" });
  await submitAndFollow(page);
  await page.goto(`/t/${teamId}/gallery`);
  await expect(
    page.getByTestId("video-card").filter({ hasText: "paper plane" }).getByText("Completed", { exact: true }),
  ).toBeVisible({ timeout: 45_000 });
});
