import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createUserWithTeam, signUpSchema } from "@/lib/auth/sign-up";
import { createTeamWithOwner } from "@/lib/teams/create-team";
import { createTeamSchema } from "@/lib/teams/team-form-schemas";
import { createVideoJob, VideoRequestError } from "@/lib/videos/create-video-job";
import { remixVideo } from "@/lib/videos/remix-video";
import { listVideos } from "@/lib/videos/list-videos";
import { driveUntil, key, newTeam } from "../../support/video-harness";

// Control characters (NUL first: PostgreSQL refuses it in text) through the real functions and
// a real database: what is stored is the cleaned text (docs/decisions/031-text-input.md), on
// SQLite and on PostgreSQL alike, and nothing errors.

const email = () => `text-${randomUUID()}@example.test`;
const NASTY = "\u0000\u0001\u0007\u001b\u007f\u0085\u009f\u2028";

describe("names", () => {
  it("sign-up: the form's schema and createUserWithTeam store a clean name and team name", async () => {
    const input = signUpSchema.parse({
      name: `  Ada\u0000 Love\r\nlace${NASTY} `,
      email: email(),
      password: "correct horse",
    });
    expect(input.name).toBe("Ada Love lace");
    const { user, team } = await createUserWithTeam(db, input, `${input.name}'s team`, "en");
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).name).toBe("Ada Love lace");
    expect((await db.team.findUniqueOrThrow({ where: { id: team.id } })).name).toBe("Ada Love lace's team");
  });

  it("createUserWithTeam cleans names itself, whoever calls it", async () => {
    const { user, team } = await createUserWithTeam(
      db,
      { name: "Grace\u0000Hopper\tX", email: email(), password: "correct horse" },
      "Team\u0000\nOne",
      null,
    );
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).name).toBe("GraceHopper X");
    expect((await db.team.findUniqueOrThrow({ where: { id: team.id } })).name).toBe("Team One");
  });

  it("a name of only control characters never reaches the database: the schema says required", () => {
    expect(
      signUpSchema.safeParse({ name: NASTY, email: email(), password: "correct horse" }).error?.issues[0]?.message,
    ).toBe("errors.nameRequired");
    expect(createTeamSchema.safeParse({ name: `${NASTY}\t\n` }).error?.issues[0]?.message).toBe(
      "errors.teamNameRequired",
    );
  });

  it("new team: the action's schema, then createTeamWithOwner, store a clean team name", async () => {
    const { team: own } = await newTeam();
    const owner = await db.membership.findFirstOrThrow({ where: { teamId: own.id } });
    const { name } = createTeamSchema.parse({ name: `Night\u0000 crew\r\n${NASTY}` });
    const team = await createTeamWithOwner(db, owner.userId, name);
    expect((await db.team.findUniqueOrThrow({ where: { id: team.id } })).name).toBe("Night crew");
  });
});

describe("prompts", () => {
  it("createVideoJob with a NUL in the prompt stores a clean prompt (line breaks kept) and submits", async () => {
    const { owner, team } = await newTeam();
    const { task, created } = await createVideoJob({
      teamId: team.id,
      userId: owner.id,
      idempotencyKey: key(),
      model: "sora-2",
      size: "720x1280",
      seconds: 4,
      prompt: `A lighthouse\u0000 at dawn\r\nwaves${NASTY}`,
    });
    expect(created).toBe(true);
    expect(task.status).not.toBe("failed");
    const row = await db.videoTask.findUniqueOrThrow({ where: { id: task.id } });
    expect(row.prompt).toBe("A lighthouse at dawn\nwaves");
    expect(row.providerJobId).toBeTruthy();
  });

  it("a prompt of only control characters is refused as empty, and no task is written", async () => {
    const { owner, team } = await newTeam();
    const attempt = createVideoJob({
      teamId: team.id,
      userId: owner.id,
      idempotencyKey: key(),
      model: "sora-2",
      size: "720x1280",
      seconds: 4,
      prompt: `${NASTY}\r\n`,
    });
    await expect(attempt).rejects.toEqual(new VideoRequestError("prompt", "promptRequired"));
    expect(await db.videoTask.count({ where: { teamId: team.id } })).toBe(0);
  });

  it("a remix prompt with control characters is stored clean too", async () => {
    const { owner, team } = await newTeam();
    const viewer = { teamId: team.id, userId: owner.id, role: "OWNER" as const };
    const { task } = await createVideoJob({
      teamId: team.id,
      userId: owner.id,
      idempotencyKey: key(),
      model: "sora-2",
      size: "720x1280",
      seconds: 4,
      prompt: "Harbour",
    });
    await driveUntil(task.id, (r) => r.status === "completed");
    const remix = await remixVideo(viewer, {
      taskId: task.id,
      prompt: `Same\u0000, at night\r\n${NASTY}`,
      idempotencyKey: key(),
    });
    expect(remix?.created).toBe(true);
    expect((await db.videoTask.findUniqueOrThrow({ where: { id: remix!.task.id } })).prompt).toBe("Same, at night");
  });

  it("a gallery search with control characters finds the clean prompt and never errors", async () => {
    const { owner, team } = await newTeam();
    const viewer = { teamId: team.id, userId: owner.id, role: "OWNER" as const };
    await createVideoJob({
      teamId: team.id,
      userId: owner.id,
      idempotencyKey: key(),
      model: "sora-2",
      size: "720x1280",
      seconds: 4,
      prompt: "Quiet harbour at dusk",
    });
    expect((await listVideos(viewer, { q: `harbour\u0000 at${NASTY}` })).items.map((v) => v.prompt)).toEqual([
      "Quiet harbour at dusk",
    ]);
    expect((await listVideos(viewer, { q: "harbour\u0000 at noon" })).items).toEqual([]);
    // Nothing left after cleaning: no filter at all.
    expect((await listVideos(viewer, { q: NASTY })).items).toHaveLength(1);
  });
});

describe("OAuth sign-in", () => {
  it("createTeamWithOwner cleans a profile's name, whoever calls it", async () => {
    const user = await db.user.create({ data: { email: email(), name: "Octo" } });
    const team = await createTeamWithOwner(db, user.id, "Octo\u0000cat's\nteam");
    expect((await db.team.findUniqueOrThrow({ where: { id: team.id } })).name).toBe("Octocat's team");
  });
});
