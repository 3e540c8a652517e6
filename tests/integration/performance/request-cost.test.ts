import { beforeAll, describe, expect, it } from "vitest";
import { installRecordingDb } from "./support/recording-db";
import { seedVideos, type SeededTeam } from "./support/seed-videos";

// Issue 11, item 3: the fixed cost of an authenticated API request. A team route reads the user,
// the membership and the team in one statement (authorizeSignedIn) and hands lib that checked
// actor, which lib takes at its role instead of reading the membership again; a page of cards is
// one statement with the creator, charge and connection joined. Counted here statement by
// statement on the real database (every statement the driver adapter was sent), never timed:
// bench/gallery-queries.ts measures.

const recorder = installRecordingDb(process.env.DATABASE_URL!);
const { db } = recorder;
const { authorizeSignedIn, TeamAccessError } = await import("@/lib/teams/authorize");
const { listVideos, getVideoDetail } = await import("@/lib/videos/list-videos");
const { videoStatuses } = await import("@/lib/videos/video-status");

let big: SeededTeam;
let other: SeededTeam;
let ids: string[];

beforeAll(async () => {
  const seeded = await seedVideos(db, recorder.postgres, { bigTeamTasks: 300, otherTeams: 1, otherTeamTasks: 50 });
  big = seeded.big;
  other = seeded.others[0]!;
  const page = await db.videoTask.findMany({
    where: { teamId: big.teamId, deletedAt: null, status: "completed" },
    orderBy: { createdAt: "desc" },
    take: 12,
    select: { id: true },
  });
  ids = page.map((t) => t.id);
  // None of them is due: the status route must not poll (the seed leaves nextPollAt null).
  expect(ids).toHaveLength(12);
}, 120_000);

/** What a team route does: the session's user checked in one statement, then one lib call. */
async function asRoute<T>(
  userId: string,
  run: (actor: NonNullable<Awaited<ReturnType<typeof signedIn>>>) => Promise<T>,
) {
  const actor = await signedIn(userId);
  if (!actor) throw new Error("no such user");
  return run(actor);
}

const signedIn = (userId: string) => authorizeSignedIn(db, userId, big.teamId, "videos.read");

describe("fixed cost of an authenticated request", () => {
  it("a gallery page is two statements: the viewer, then the cards", async () => {
    let items = 0;
    const sent = await recorder.record(async () => {
      items = (await asRoute(big.ownerId, (actor) => listVideos(actor, { limit: 24 }))).items.length;
    });
    expect(items).toBe(24);
    expect(sent, sent.map((s) => s.sql).join("\n")).toHaveLength(2);
  });

  it("the status route for 12 cards with nothing due is two statements", async () => {
    let answered = 0;
    const sent = await recorder.record(async () => {
      answered = (await asRoute(big.ownerId, (actor) => videoStatuses(actor, ids))).items.length;
    });
    expect(answered).toBe(12);
    expect(sent, sent.map((s) => s.sql).join("\n")).toHaveLength(2);
  });

  it("a detail page is three: the viewer, the card, its timeline", async () => {
    let found = false;
    const sent = await recorder.record(async () => {
      found = (await asRoute(big.ownerId, (actor) => getVideoDetail(actor, ids[0]!))) !== null;
    });
    expect(found).toBe(true);
    expect(sent).toHaveLength(3);
  });

  it("an actor lib did not see checked (a plain object, a copy) is read again", async () => {
    const checked = await signedIn(big.ownerId);
    const sentPlain = await recorder.record(() => listVideos({ teamId: big.teamId, userId: big.ownerId }));
    const sentCopy = await recorder.record(() => listVideos({ ...checked! }));
    // authorize() (one statement) + the cards.
    expect(sentPlain).toHaveLength(2);
    expect(sentCopy).toHaveLength(2);
  });

  it("a forged actor claiming a role is refused: outsiders get not_found, whatever they claim", async () => {
    const forged = { userId: other.ownerId, teamId: big.teamId, role: "OWNER" as const, teamName: "x" };
    await expect(listVideos(forged)).rejects.toThrow(TeamAccessError);
    await expect(videoStatuses(forged, ids)).rejects.toMatchObject({ reason: "not_found" });
  });

  it("signed in: an unknown user is null (401), an outsider not_found, a member's too-low role forbidden", async () => {
    expect(await authorizeSignedIn(db, "no-such-user", big.teamId, "videos.read")).toBeNull();
    expect(await authorizeSignedIn(db, "no-such-user", "", "videos.read")).toBeNull();
    await expect(authorizeSignedIn(db, other.ownerId, big.teamId, "videos.read")).rejects.toMatchObject({
      reason: "not_found",
    });
    await expect(authorizeSignedIn(db, big.quietMemberId, big.teamId, "budget.manage")).rejects.toMatchObject({
      reason: "forbidden",
    });
    const member = await authorizeSignedIn(db, big.quietMemberId, big.teamId, "videos.read");
    expect(member).toMatchObject({ userId: big.quietMemberId, teamId: big.teamId, role: "MEMBER" });
  });

  it("a checked member still cannot do what the role forbids in lib", async () => {
    const member = await authorizeSignedIn(db, big.quietMemberId, big.teamId, "videos.read");
    const { deleteVideo } = await import("@/lib/videos/delete-video");
    const foreignTask = await db.videoTask.findFirst({
      where: { teamId: big.teamId, createdById: { not: big.quietMemberId }, deletedAt: null },
      select: { id: true },
    });
    const { VideoDeleteForbiddenError } = await import("@/lib/videos/delete-video");
    await expect(deleteVideo(member!, foreignTask!.id)).rejects.toThrow(VideoDeleteForbiddenError);
    const still = await db.videoTask.findUnique({ where: { id: foreignTask!.id }, select: { deletedAt: true } });
    expect(still?.deletedAt).toBeNull();
  });
});
