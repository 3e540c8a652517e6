import { Prisma } from "@/lib/generated/prisma-sqlite/client";
import { KEEP_PREPARED } from "@/lib/db/pg-statements";
import type { Reader } from "./db-types";
import { can, type Permission } from "./permissions";
import { isRole, type Role } from "./roles";

/**
 * Why a team operation was refused. "not_found" for non-members and unknown ids alike, so ids of
 * other teams cannot be probed; "forbidden" only for members whose role is too low.
 */
export class TeamAccessError extends Error {
  constructor(readonly reason: "not_found" | "forbidden") {
    super(reason === "not_found" ? "Team not found" : "Not allowed in this team");
  }
}

/** A rule of the team said no (last owner, expired invite…); `code` names a catalogue message. */
export class TeamRuleError extends Error {
  constructor(readonly code: TeamRuleCode) {
    super(code);
  }
}

export type TeamRuleCode =
  | "ownerCannotLeave"
  | "ownerCannotBeChanged"
  | "notAMember"
  | "selfChange"
  | "inviteNotFound"
  | "inviteExpired"
  | "inviteRevoked"
  | "inviteUsed"
  | "alreadyMember"
  | "keyRequired"
  | "baseUrlRequired"
  | "connectionNotFound"
  | "unknownPreset"
  | "unknownModel"
  | "lastConnection";

export type TeamActor = { team: { id: string; name: string }; role: Role };

/**
 * An actor whose membership a route (or action) has just read for this request: handed to lib,
 * which may take its role instead of reading the membership again (`checkedRole`). Only
 * `authorizeSignedIn` makes one; a copy or a hand-built object with the same keys is not one.
 */
export type CheckedActor = Readonly<{ userId: string; teamId: string; role: Role; teamName: string }>;

const checkedActors = new WeakSet<object>();

/** The role of an actor `authorizeSignedIn` made, or null for any other object. */
export function checkedRole(actor: object): Role | null {
  return checkedActors.has(actor) ? (actor as CheckedActor).role : null;
}

type MembershipRow = { userId: string; role: string | null; teamName: string | null };

/**
 * The user row and their membership of `teamId` (with the team's name) in one statement: null
 * when the user does not exist (a deleted user's session), `role` null when not a member.
 */
async function readMembership(db: Reader, userId: string, teamId: string): Promise<MembershipRow | null> {
  const rows = await db.$queryRaw<MembershipRow[]>(
    Prisma.sql`SELECT "User"."id" AS "userId", "Membership"."role" AS "role", "Team"."name" AS "teamName"
      FROM "User"
      LEFT JOIN "Membership" ON "Membership"."userId" = "User"."id" AND "Membership"."teamId" = ${teamId}
      LEFT JOIN "Team" ON "Team"."id" = "Membership"."teamId"
      WHERE "User"."id" = ${userId}${Prisma.raw(KEEP_PREPARED)}`,
  );
  return rows[0] ?? null;
}

function checkRole(row: MembershipRow | null, permission: Permission): { role: Role; teamName: string } {
  if (!row || !isRole(row.role) || row.teamName === null) throw new TeamAccessError("not_found");
  if (!can(row.role, permission)) throw new TeamAccessError("forbidden");
  return { role: row.role, teamName: row.teamName };
}

function validTeamId(teamId: unknown): teamId is string {
  return typeof teamId === "string" && teamId.length > 0 && teamId.length <= 64;
}

/**
 * The data layer's check, from the database every time: is `userId` a member of `teamId` with
 * `permission`? Runs inside the caller's transaction when given one, so the role it saw is the
 * role the change is made under.
 */
export async function authorize(
  db: Reader,
  userId: string,
  teamId: unknown,
  permission: Permission,
): Promise<TeamActor> {
  if (!validTeamId(teamId)) throw new TeamAccessError("not_found");
  const { role, teamName } = checkRole(await readMembership(db, userId, teamId), permission);
  return { team: { id: teamId, name: teamName }, role };
}

/**
 * authorize() for a request's signed-in user, whose session names `userId`: null when that user
 * no longer exists (the caller answers "sign in"), else a CheckedActor or TeamAccessError. One
 * statement for the user, the membership and the team (issue 11, item 3).
 */
export async function authorizeSignedIn(
  db: Reader,
  userId: string,
  teamId: unknown,
  permission: Permission,
): Promise<CheckedActor | null> {
  // An invalid id still reads the user (a deleted user's session is a 401 whatever it asks for).
  const id = validTeamId(teamId) ? teamId : "";
  const row = await readMembership(db, userId, id);
  if (!row) return null;
  const { role, teamName } = checkRole(row, permission);
  const actor: CheckedActor = Object.freeze({ userId, teamId: id, role, teamName });
  checkedActors.add(actor);
  return actor;
}
