import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import Database from "better-sqlite3";
import { expect, test } from "./fixtures";
import { fillGenerateForm, submitAndFollow } from "./videos-support";

// Nobody keeps a tab open for minutes: the server's own sweep must finish the job. The browser
// leaves right after submitting; the studio's database (read-only here) shows the outcome.
test("a video finishes, is archived and charged with no page open", async ({ page, context, login }) => {
  test.setTimeout(90_000);
  const { teamId } = await login("away");
  await fillGenerateForm(page, teamId, {
    prompt: "A kettle boils while nobody watches",
    model: "sora-2",
    size: "720x1280",
    seconds: 4,
  });
  const panel = await submitAndFollow(page);
  const href = await panel.getByRole("link", { name: "Open video" }).getAttribute("href");
  const taskId = href!.split("/").pop()!;
  await context.close(); // no tab, no status requests from here on

  const db = new Database(path.join(process.env.E2E_DATA_DIR ?? ".data/e2e", "studio.db"), {
    readonly: true,
    fileMustExist: true,
  });
  try {
    let row: { status: string; archiveStatus: string; charged: number | null } | undefined;
    for (let i = 0; i < 120; i++) {
      row = db
        .prepare(
          `SELECT t.status, t.archiveStatus, c.amountCents AS charged FROM "VideoTask" t LEFT JOIN "Charge" c ON c.taskId = t.id WHERE t.id = ?`,
        )
        .get(taskId) as typeof row;
      if (row?.archiveStatus === "done") break;
      await sleep(500);
    }
    expect(row).toEqual({ status: "completed", archiveStatus: "done", charged: 40 });
  } finally {
    db.close();
  }
});
