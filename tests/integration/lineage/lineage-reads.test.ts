import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { TeamAccessError } from "@/lib/teams/authorize";
import { createVideoJob } from "@/lib/videos/create-video-job";
import { compareVideos, videoLineage } from "@/lib/videos/lineage";
import { remixVideo } from "@/lib/videos/remix-video";
import { createVariations } from "@/lib/videos/variations";
import { driveUntil, key, newTeam } from "../../support/video-harness";

// Lineage reads through the real submit path and the real simulator: a video's parent (remix,
// settings used again, variation set), its siblings and its children, and never a task of
// another team, even when a row of that team points at ours.

const settings = { model: "sora-2", size: "720x1280", seconds: 4 } as const;

describe("lineage", { timeout: 90_000 }, () => {
  it("shows parents, siblings and children of one team only", async () => {
    const a = await newTeam("A");
    const b = await newTeam("B");
    const actorA = { teamId: a.team.id, userId: a.owner.id };
    const actorB = { teamId: b.team.id, userId: b.owner.id };
    const { task: parent } = await createVideoJob({
      ...actorA,
      ...settings,
      idempotencyKey: key(),
      prompt: "A red kite over the dunes",
    });
    await driveUntil(parent.id, (r) => r.archiveStatus === "done");

    const { task: again } = await createVideoJob({
      ...actorA,
      ...settings,
      idempotencyKey: key(),
      prompt: "A red kite over the dunes, closer",
      source: { taskId: parent.id, kind: "settings" },
    });
    const { tasks: set } = await createVariations(
      {
        ...actorA,
        ...settings,
        idempotencyKey: key(),
        prompt: "A red kite, three takes",
        source: { taskId: parent.id, kind: "settings" },
      },
      3,
    );
    const remix = await remixVideo(actorA, { taskId: parent.id, prompt: "At night", idempotencyKey: key() });
    expect(remix).not.toBeNull();

    // Team B: a settings link with A's task id is not recorded, and a row pointing at A's task
    // (written by hand, as a stale or forged pointer would be) never shows in A's lineage.
    const { task: foreign } = await createVideoJob({
      ...actorB,
      ...settings,
      idempotencyKey: key(),
      prompt: "Team B's video",
      source: { taskId: parent.id, kind: "settings" },
    });
    expect(await db.videoTask.findUniqueOrThrow({ where: { id: foreign.id } })).toMatchObject({
      sourceTaskId: null,
      sourceKind: null,
    });
    await db.videoTask.update({
      where: { id: foreign.id },
      data: { sourceTaskId: parent.id, sourceKind: "retry", remixOfTaskId: parent.id },
    });

    const rows = await db.videoTask.findMany({ where: { id: { in: set.map((t) => t.id) } } });
    expect(new Set(rows.map((r) => r.variationGroupId)).size).toBe(1);
    expect(rows.every((r) => r.sourceKind === "variation" && r.sourceTaskId === parent.id)).toBe(true);

    const ofParent = (await videoLineage(actorA, parent.id))!;
    expect(ofParent.parent).toBeNull();
    expect(ofParent.siblings).toEqual([]);
    const children = Object.fromEntries(ofParent.children.map((c) => [c.video.id, c.kind]));
    expect(children).toEqual({
      [again.id]: "settings",
      [set[0]!.id]: "variation",
      [set[1]!.id]: "variation",
      [set[2]!.id]: "variation",
      [remix!.task.id]: "remix",
    });
    expect(ofParent.children.map((c) => c.video.id)).not.toContain(foreign.id);

    const ofTake = (await videoLineage(actorA, set[1]!.id))!;
    expect(ofTake.parent).toMatchObject({ kind: "variation", video: { id: parent.id } });
    expect(ofTake.siblings.map((v) => v.id)).toEqual([set[0]!.id, set[2]!.id]);
    expect(ofTake.children).toEqual([]);

    expect((await videoLineage(actorA, remix!.task.id))!.parent).toMatchObject({ kind: "remix" });
    expect((await videoLineage(actorA, again.id))!.parent).toMatchObject({ kind: "settings" });

    // B's own task points at A's: its parent is not shown to B, and A's task is not B's to read.
    const ofForeign = (await videoLineage(actorB, foreign.id))!;
    expect(ofForeign.parent).toBeNull();
    expect(await videoLineage(actorB, parent.id)).toBeNull();
    await expect(videoLineage({ teamId: a.team.id, userId: b.owner.id }, parent.id)).rejects.toBeInstanceOf(
      TeamAccessError,
    );

    // A deleted child is gone from the lineage.
    await db.videoTask.update({ where: { id: again.id }, data: { deletedAt: new Date() } });
    expect((await videoLineage(actorA, parent.id))!.children.map((c) => c.video.id)).not.toContain(again.id);

    // Compare: the team's videos in the order asked, others left out, at most four.
    const compared = await compareVideos(actorA, [set[2]!.id, foreign.id, parent.id, set[0]!.id, set[1]!.id]);
    expect(compared.map((v) => v.id)).toEqual([set[2]!.id, parent.id, set[0]!.id]);
  });
});
