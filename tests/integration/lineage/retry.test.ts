import { readFile } from "node:fs/promises";
import { afterEach, describe, expect, it } from "vitest";
import sharp from "sharp";
import { db } from "@/lib/db";
import { absoluteMediaPath } from "@/lib/storage/media-store";
import { BudgetExceededError, budgetRoom } from "@/lib/teams/budget";
import { createVideoJob } from "@/lib/videos/create-video-job";
import { retryVideo, RetryUnavailableError } from "@/lib/videos/retry";
import { clearFaults, driveUntil, key, newTeam, setFaults } from "../../support/video-harness";

// Retry of a failed video: the same settings and reference image as a new task (new key,
// sourceKind "retry"), through the real submit path, charged once when it completes.

afterEach(clearFaults);

async function referenceJpeg() {
  const bytes = await sharp({ create: { width: 720, height: 1280, channels: 3, background: "#0ea5e9" } })
    .jpeg()
    .toBuffer();
  return { bytes, mimeType: "image/jpeg", width: 720, height: 1280 };
}

describe("retry", { timeout: 90_000 }, () => {
  it("submits the same settings again as a new task, charged once when done", async () => {
    const { owner, team } = await newTeam();
    const actor = { teamId: team.id, userId: owner.id };
    const image = await referenceJpeg();
    await setFaults("fail:processing_error*1"); // the next created job fails upstream
    const { task: failed } = await createVideoJob({
      ...actor,
      idempotencyKey: key(),
      model: "sora-2",
      size: "720x1280",
      seconds: 8,
      prompt: "A paper boat in the rain",
      referenceImage: image,
    });
    const failedRow = await driveUntil(failed.id, (r) => r.status === "failed");
    expect(failedRow.reservedCents).toBe(0);
    await clearFaults();

    const retryKey = key();
    const retried = await retryVideo(actor, { taskId: failed.id, idempotencyKey: retryKey });
    expect(retried?.created).toBe(true);
    const retryId = retried!.task.id;
    expect(retryId).not.toBe(failed.id);
    const row = await db.videoTask.findUniqueOrThrow({ where: { id: retryId } });
    expect(row).toMatchObject({
      connectionId: failedRow.connectionId,
      model: "sora-2",
      size: "720x1280",
      seconds: 8,
      prompt: "A paper boat in the rain",
      sourceTaskId: failed.id,
      sourceKind: "retry",
      variationGroupId: null,
      idempotencyKey: retryKey,
      estimateCents: failedRow.estimateCents,
    });
    expect(row.idempotencyKey).not.toBe(failedRow.idempotencyKey);
    expect(await readFile(absoluteMediaPath(row.referenceImagePath!))).toEqual(image.bytes);

    // A second click with the same key is the same retry.
    const again = await retryVideo(actor, { taskId: failed.id, idempotencyKey: retryKey });
    expect(again).toMatchObject({ created: false, task: { id: retryId } });

    const done = await driveUntil(retryId, (r) => r.archiveStatus === "done");
    expect(done.status).toBe("completed");
    expect(done.charge?.amountCents).toBe(row.estimateCents);
    expect(await db.charge.count({ where: { teamId: team.id } })).toBe(1);
    expect((await budgetRoom(db, team.id, owner.id)).team).toMatchObject({
      spentCents: row.estimateCents,
      reservedCents: 0,
    });

    // Only a failed video is retried; a stranger's id is not found.
    await expect(retryVideo(actor, { taskId: retryId, idempotencyKey: key() })).rejects.toEqual(
      new RetryUnavailableError("not_failed"),
    );
    const other = await newTeam("Other");
    expect(
      await retryVideo({ teamId: other.team.id, userId: other.owner.id }, { taskId: failed.id, idempotencyKey: key() }),
    ).toBeNull();
  });

  it("is budgeted as any submit: over the budget, nothing is created", async () => {
    const { owner, team } = await newTeam();
    const actor = { teamId: team.id, userId: owner.id };
    const { task: failed } = await createVideoJob({
      ...actor,
      idempotencyKey: key(),
      model: "sora-2",
      size: "720x1280",
      seconds: 4,
      prompt: "A moth at a lamp [[fail]]",
    });
    await driveUntil(failed.id, (r) => r.status === "failed");
    await db.team.update({ where: { id: team.id }, data: { monthlyBudgetCents: 30 } });
    const attempt = retryVideo(actor, { taskId: failed.id, idempotencyKey: key() });
    await expect(attempt).rejects.toBeInstanceOf(BudgetExceededError);
    await expect(attempt).rejects.toMatchObject({ scope: "team", remainingCents: 30, costCents: 40 });
    expect(await db.videoTask.count({ where: { teamId: team.id } })).toBe(1);
  });
});
