import { afterEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { budgetRoom } from "@/lib/teams/budget";
import { createVideoJob } from "@/lib/videos/create-video-job";
import { clearFaults, driveUntil, key, newTeam, setFaults, simulatorStats } from "../../support/video-harness";

afterEach(clearFaults);

async function submit(prompt: string, seconds = 4) {
  const { owner, team } = await newTeam();
  const { task } = await createVideoJob({
    teamId: team.id,
    userId: owner.id,
    idempotencyKey: key(),
    model: "sora-2",
    size: "720x1280",
    seconds,
    prompt,
  });
  return { owner, team, task };
}

describe("failures cost nothing", () => {
  it("a moderation failure is stored with its reason and not charged", async () => {
    const { owner, team, task } = await submit("Something unsuitable [[moderation]]");
    const row = await driveUntil(task.id, (r) => r.status === "failed");
    expect(row.errorCode).toBe("moderation_blocked");
    expect(row.errorMessage).toBe("Your request was blocked by our moderation system.");
    expect(row.charge).toBeNull();
    expect(row.reservedCents).toBe(0);
    expect(row.archiveStatus).toBe("none");
    expect((await budgetRoom(db, team.id, owner.id)).team).toMatchObject({ spentCents: 0, reservedCents: 0 });
  });

  it("a create refused by the provider (API易 saturated, 429) fails at once with the provider's words", async () => {
    await setFaults("saturated:30@create*1");
    const { task } = await submit("Busy upstream");
    expect(task.status).toBe("failed");
    expect(task.errorMessage).toBe("Current group's upstream is saturated, please try again later");
    expect(task.costCents).toBe(0);
  });
});

describe("the archive survives a flaky provider", () => {
  it("content answering 400 right after completion, then a truncated body: archived once, charged once", async () => {
    // 400s for 5 s after completion: long enough that the first archive attempt sees one on a loaded machine.
    const { task } = await submit("CDN lag [[content400:5]] [[truncate*1]]");
    const row = await driveUntil(task.id, (r) => r.archiveStatus === "done", 30_000);
    const retries = row.events.filter((e) => e.type === "archive_retry");
    expect(retries.length).toBeGreaterThanOrEqual(2);
    expect(retries.some((e) => /http_400|400/.test(e.message ?? ""))).toBe(true);
    expect(retries.some((e) => /bytes|terminated|invalid_content|connection/.test(e.message ?? ""))).toBe(true);
    expect(row.charge?.amountCents).toBe(40);
    expect(await db.charge.count({ where: { taskId: task.id } })).toBe(1);
  });

  it("a video whose provider copy expires before we could fetch it is lost, and stays charged: the provider billed it", async () => {
    // Content answers 400 for 30 s but expires 1 s after completion.
    const { task } = await submit("Gone too soon [[content400:30]] [[expires:1]]");
    const row = await driveUntil(task.id, (r) => r.archiveStatus === "lost", 30_000);
    expect(row.charge?.amountCents).toBe(40);
    expect(row.reservedCents).toBe(0);
    const types = row.events.map((e) => e.type);
    expect(types).toContain("archive_lost");
    // Charged when the provider completed it, before any copy was tried.
    expect(types.indexOf("charged")).toBeLessThan(types.indexOf("archive_lost"));
    expect(row.archiveError).toMatch(/http_40[04]/);
  });
});

describe("an unknown create outcome", () => {
  it("is reconciled by listing the provider's jobs, never by submitting again", async () => {
    // The create is answered only after the studio gave up (PROVIDER_CREATE_TIMEOUT_MS=1500),
    // but the simulator still creates the job: the classic lost answer.
    await setFaults("slow:2500@create*1");
    const createsBefore = (await simulatorStats()).byEndpoint.create ?? 0;
    const { task } = await submit("Answer lost in transit");
    expect(task.status).toBe("submit_unknown");
    const row = await driveUntil(task.id, (r) => r.archiveStatus === "done", 30_000);
    expect(row.events.map((e) => e.type)).toContain("reconciled");
    expect(row.providerJobId).toMatch(/^video_[0-9a-f]{48}$/);
    expect((await simulatorStats()).byEndpoint.create ?? 0).toBe(createsBefore + 1);
    expect(row.charge?.amountCents).toBe(40);
  });

  it("fails without charge when the provider never started the job", async () => {
    await setFaults("drop@create*1");
    const { task } = await submit("Never arrived");
    expect(task.status).toBe("submit_unknown");
    const row = await driveUntil(task.id, (r) => r.status === "failed", 30_000);
    expect(row.errorCode).toBe("submit_lost");
    expect(row.charge).toBeNull();
    expect(row.reservedCents).toBe(0);
  });
});
