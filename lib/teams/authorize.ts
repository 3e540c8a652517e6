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
  if (typeof teamId !== "string" || teamId.length === 0 || teamId.length > 64) throw new TeamAccessError("not_found");
  const m = await db.membership.findUnique({
    where: { teamId_userId: { teamId, userId } },
    select: { role: true, team: { select: { id: true, name: true } } },
  });
  if (!m || !isRole(m.role)) throw new TeamAccessError("not_found");
  if (!can(m.role, permission)) throw new TeamAccessError("forbidden");
  return { team: m.team, role: m.role };
}
