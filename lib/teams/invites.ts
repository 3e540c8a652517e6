import "server-only";
import type { Db } from "@/lib/db/client";
import { recordAudit } from "@/lib/audit/record";
import type { Reader } from "./db-types";
import { authorize, TeamRuleError } from "./authorize";
import { DEFAULT_INVITE_ROLE, isAssignableRole, type AssignableRole } from "./permissions";
import { isRole, type Role } from "./roles";
import { hashInviteToken, looksLikeInviteToken, newInviteToken, type InviteExpiryDays } from "./invite-token";

const DAY_MS = 24 * 3600 * 1000;

export type InviteStatus = "pending" | "expired" | "revoked" | "used";

export type InviteDto = {
  id: string;
  role: Role;
  status: InviteStatus;
  createdAt: string;
  expiresAt: string;
  createdBy: string | null;
  acceptedBy: string | null;
};

function statusOf(
  invite: { revokedAt: Date | null; acceptedAt: Date | null; expiresAt: Date },
  now: Date,
): InviteStatus {
  if (invite.acceptedAt) return "used";
  if (invite.revokedAt) return "revoked";
  return invite.expiresAt <= now ? "expired" : "pending";
}

/** A new invite link's token, returned once: the database keeps only its hash. */
export async function createInvite(
  db: Db,
  actorId: string,
  teamId: string,
  input: { role: AssignableRole; days: InviteExpiryDays },
  now = new Date(),
) {
  return db.$transaction(async (tx) => {
    const { team } = await authorize(tx, actorId, teamId, "members.manage");
    const { token, tokenHash } = newInviteToken();
    const invite = await tx.invite.create({
      data: {
        teamId: team.id,
        role: input.role,
        tokenHash,
        createdById: actorId,
        expiresAt: new Date(now.getTime() + input.days * DAY_MS),
      },
    });
    await recordAudit(tx, {
      teamId: team.id,
      actorId,
      action: "invite.created",
      targetId: invite.id,
      data: { role: input.role, days: input.days },
    });
    return { token, inviteId: invite.id, expiresAt: invite.expiresAt };
  });
}

/** The team's most recent invites with their state; for those who manage members. */
export async function listInvites(db: Reader, actorId: string, teamId: string, now = new Date()): Promise<InviteDto[]> {
  const { team } = await authorize(db, actorId, teamId, "members.manage");
  const rows = await db.invite.findMany({ where: { teamId: team.id }, orderBy: { createdAt: "desc" }, take: 50 });
  const ids = [...new Set(rows.flatMap((r) => [r.createdById, r.acceptedById]).filter((v): v is string => Boolean(v)))];
  const users = await db.user.findMany({ where: { id: { in: ids } }, select: { id: true, name: true, email: true } });
  const name = (id: string | null) =>
    id ? (users.find((u) => u.id === id)?.name ?? users.find((u) => u.id === id)?.email ?? null) : null;
  return rows.map((r) => ({
    id: r.id,
    role: isRole(r.role) ? r.role : DEFAULT_INVITE_ROLE,
    status: statusOf(r, now),
    createdAt: r.createdAt.toISOString(),
    expiresAt: r.expiresAt.toISOString(),
    createdBy: name(r.createdById),
    acceptedBy: name(r.acceptedById),
  }));
}

export async function revokeInvite(db: Db, actorId: string, teamId: string, inviteId: string, now = new Date()) {
  await db.$transaction(async (tx) => {
    const { team } = await authorize(tx, actorId, teamId, "members.manage");
    // Scoped by team: an invite id of another team is "not found", like a made-up one.
    const done = await tx.invite.updateMany({
      where: { id: inviteId, teamId: team.id, revokedAt: null, acceptedAt: null },
      data: { revokedAt: now },
    });
    if (done.count !== 1) throw new TeamRuleError("inviteNotFound");
    await recordAudit(tx, { teamId: team.id, actorId, action: "invite.revoked", targetId: inviteId });
  });
}

export type InviteView =
  | { state: "invalid" | "expired" | "revoked" | "used" }
  | { state: "valid" | "member"; team: { id: string; name: string }; role: Role };

/** What the invite page shows. The team's name is shown only to holders of a live link. */
export async function inspectInvite(
  db: Reader,
  token: unknown,
  userId: string | null,
  now = new Date(),
): Promise<InviteView> {
  if (!looksLikeInviteToken(token)) return { state: "invalid" };
  const invite = await db.invite.findUnique({
    where: { tokenHash: hashInviteToken(token) },
    include: { team: { select: { id: true, name: true } } },
  });
  if (!invite || !isRole(invite.role)) return { state: "invalid" };
  const status = statusOf(invite, now);
  if (status !== "pending") return { state: status };
  const member = userId
    ? await db.membership.findUnique({ where: { teamId_userId: { teamId: invite.teamId, userId } } })
    : null;
  return { state: member ? "member" : "valid", team: invite.team, role: invite.role };
}

/** Joins the team of a live invite, once: the claim is a conditional update, so a link works once. */
export async function acceptInvite(
  db: Db,
  userId: string,
  token: unknown,
  now = new Date(),
): Promise<{ teamId: string }> {
  if (!looksLikeInviteToken(token)) throw new TeamRuleError("inviteNotFound");
  return db.$transaction(async (tx) => {
    const invite = await tx.invite.findUnique({ where: { tokenHash: hashInviteToken(token) } });
    if (!invite || !isAssignableRole(invite.role)) throw new TeamRuleError("inviteNotFound");
    const status = statusOf(invite, now);
    if (status === "used") throw new TeamRuleError("inviteUsed");
    if (status === "revoked") throw new TeamRuleError("inviteRevoked");
    if (status === "expired") throw new TeamRuleError("inviteExpired");
    // An existing member keeps their role and the link stays usable for the person it was meant for.
    const existing = await tx.membership.findUnique({ where: { teamId_userId: { teamId: invite.teamId, userId } } });
    if (existing) throw new TeamRuleError("alreadyMember");
    const claimed = await tx.invite.updateMany({
      where: { id: invite.id, acceptedAt: null, revokedAt: null, expiresAt: { gt: now } },
      data: { acceptedAt: now, acceptedById: userId },
    });
    if (claimed.count !== 1) throw new TeamRuleError("inviteUsed");
    await tx.membership.create({ data: { teamId: invite.teamId, userId, role: invite.role } });
    await tx.user.update({ where: { id: userId }, data: { activeTeamId: invite.teamId } });
    await recordAudit(tx, {
      teamId: invite.teamId,
      actorId: userId,
      action: "member.joined",
      targetId: userId,
      data: { role: invite.role, inviteId: invite.id },
    });
    return { teamId: invite.teamId };
  });
}
