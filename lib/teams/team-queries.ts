import "server-only";
import { db } from "@/lib/db";
import { listAudit, type AuditPage } from "./audit-log";
import { authorize } from "./authorize";
import { inspectInvite, listInvites, type InviteView } from "./invites";
import { listMembers, type MembersView } from "./members-list";
import { listTeamsOf } from "./memberships";
import { listConnections, type ConnectionDto } from "./connections";
import { retentionChoiceOf, type RetentionChoice } from "./retention";
import { listApiTokens, type ApiTokenDto } from "./api-tokens";

// What pages and layouts call for team data: named queries over the data-layer functions (which
// take the client and check the caller with authorize()), so no page touches Prisma itself.

export function teamMembers(userId: string, teamId: string): Promise<MembersView> {
  return listMembers(db, userId, teamId);
}

export function teamInvites(userId: string, teamId: string) {
  return listInvites(db, userId, teamId);
}

export function teamAuditPage(userId: string, teamId: string, page: number): Promise<AuditPage> {
  return listAudit(db, userId, teamId, page);
}

export function teamConnections(userId: string, teamId: string): Promise<ConnectionDto[]> {
  return listConnections(db, userId, teamId);
}

export function teamApiTokens(userId: string, teamId: string): Promise<ApiTokenDto[]> {
  return listApiTokens(db, userId, teamId);
}

export function inviteForPage(token: unknown, userId: string | null): Promise<InviteView> {
  return inspectInvite(db, token, userId);
}

/** The team's video retention, for any member (the Settings page shows the form only to who may change it). */
export async function teamRetention(userId: string, teamId: string): Promise<RetentionChoice> {
  const { team } = await authorize(db, userId, teamId, "videos.read");
  const { retentionDays } = await db.team.findUniqueOrThrow({
    where: { id: team.id },
    select: { retentionDays: true },
  });
  return retentionChoiceOf(retentionDays);
}

/** Remembers the team last opened (the front door goes back to it). */
export async function rememberActiveTeam(
  user: { id: string; activeTeamId: string | null },
  teamId: string,
): Promise<void> {
  if (user.activeTeamId !== teamId) await db.user.update({ where: { id: user.id }, data: { activeTeamId: teamId } });
}

/** The team the front door opens: the active one while still joined, else the first joined (remembered), else null. */
export async function homeTeamId(user: { id: string; activeTeamId: string | null }): Promise<string | null> {
  const teams = await listTeamsOf(user.id);
  if (user.activeTeamId && teams.some((t) => t.id === user.activeTeamId)) return user.activeTeamId;
  const [first] = teams;
  if (!first) return null;
  await rememberActiveTeam(user, first.id);
  return first.id;
}
