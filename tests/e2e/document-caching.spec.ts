import { expect, test } from "./fixtures";
import { generateVideo } from "./videos-support";

// Pages may be kept by the browser (private, revalidated: Back is instant), and signing out
// clears what it kept (Clear-Site-Data), so Back after signing out shows nothing private
// (docs/decisions/050-document-caching.md).

test("signed-in pages are private and revalidated, not no-store; after sign-out Back shows no private page", async ({
  page,
  login,
}) => {
  test.setTimeout(120_000);
  const user = await login("cache");
  await generateVideo(page, user.teamId, { prompt: "A secret harbour at night" });

  const gallery = await page.goto(`/t/${user.teamId}/gallery`);
  expect(gallery!.headers()["cache-control"]).toBe("private, no-cache");
  await expect(page.getByTestId("video-card")).toContainText("A secret harbour at night");
  // A second document, so the gallery is a page the browser may keep for Back.
  const generate = await page.goto(`/t/${user.teamId}/generate`);
  expect(generate!.headers()["cache-control"]).toBe("private, no-cache");

  // The sign-out action's answer: the one that sends the browser to the sign-in page.
  const signOut = page.waitForResponse(
    (r) => r.request().method() === "POST" && (r.headers()["x-action-redirect"] ?? "").includes("/sign-in"),
  );
  await page.getByRole("button", { name: "Sign out" }).click();
  // allHeaders(): headers() leaves out security-related ones such as Clear-Site-Data.
  expect((await (await signOut).allHeaders())["clear-site-data"]).toBe('"cache"');
  await page.waitForURL(/\/sign-in/);

  // Back through both pages: each one asks the server again, which sends the visitor to sign in.
  for (let i = 0; i < 2; i++) {
    await page.goBack();
    await expect(page).toHaveURL(/\/sign-in/);
    await expect(page.getByText("A secret harbour at night")).toHaveCount(0);
    await expect(page.getByText(user.email)).toHaveCount(0);
  }
});
