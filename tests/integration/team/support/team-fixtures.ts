import { randomUUID } from "node:crypto";
import { db } from "@/lib/db";
import { createUserWithTeam } from "@/lib/auth/sign-up";
import type { Role } from "@/lib/teams/roles";

// Real rows in the per-file SQLite copy; nothing of ours is mocked.
export async function newUser(name = "User") {
  const { user, team } = await createUserWithTeam(
    db,
    { name, email: `${name.toLowerCase()}-${randomUUID()}@example.test`, password: "password-123" },
    `${name}'s team`,
    "en",
  );
  return { id: user.id, name, email: user.email, ownTeamId: team.id };
}

/** A team with an owner, an admin and a member, plus an outsider (with their own team). */
export async function teamWithRoles() {
  const owner = await newUser("Owner");
  const admin = await newUser("Admin");
  const member = await newUser("Member");
  const stranger = await newUser("Stranger");
  const teamId = owner.ownTeamId;
  await addMember(teamId, admin.id, "ADMIN");
  await addMember(teamId, member.id, "MEMBER");
  return { teamId, owner, admin, member, stranger };
}

export async function addMember(teamId: string, userId: string, role: Role) {
  await db.membership.create({ data: { teamId, userId, role } });
}

export async function rolesOf(teamId: string) {
  const rows = await db.membership.findMany({ where: { teamId }, select: { userId: true, role: true } });
  return Object.fromEntries(rows.map((r) => [r.userId, r.role]));
}

export async function ownerCount(teamId: string) {
  return db.membership.count({ where: { teamId, role: "OWNER" } });
}

/** A finished task and its charge, as the video engine would leave them. */
export async function insertCharge(
  teamId: string,
  userId: string,
  amountCents: number,
  createdAt: Date,
  model = "sora-2",
) {
  const task = await db.videoTask.create({
    data: {
      teamId,
      createdById: userId,
      idempotencyKey: randomUUID(),
      channel: "simulator",
      model,
      size: "720x1280",
      seconds: 4,
      prompt: "a test",
      status: "completed",
      estimateCents: amountCents,
      createdAt,
    },
  });
  await db.charge.create({
    data: { teamId, userId, taskId: task.id, amountCents, model, size: "720x1280", seconds: 4, createdAt },
  });
  return task.id;
}

export async function insertRunningTask(teamId: string, userId: string, reservedCents: number, deleted = false) {
  return db.videoTask.create({
    data: {
      teamId,
      createdById: userId,
      idempotencyKey: randomUUID(),
      channel: "simulator",
      model: "sora-2",
      size: "720x1280",
      seconds: 4,
      prompt: "running",
      status: "in_progress",
      estimateCents: reservedCents,
      reservedCents,
      deletedAt: deleted ? new Date() : null,
    },
  });
}
