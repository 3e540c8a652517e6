import "server-only";
import { db } from "@/lib/db";
import { authorize, checkedRole, TeamAccessError } from "@/lib/teams/authorize";
import { can, type Permission } from "@/lib/teams/permissions";
import type { Role } from "@/lib/teams/roles";
import type { ViewerContext } from "./task-dto";

/**
 * Who asks for a video operation. A caller may pass the role it already knows, but it is never
 * trusted: every video function reads the membership again through `authorize()` (unless the
 * actor is the very object a route's authorizeSignedIn made for this request), so a non-member,
 * a guessed team id or a stale role is refused here, whoever the caller is.
 */
export type VideoActor = { teamId: string; userId: string; role?: Role };

/**
 * The one check of the video engine: `authorize()` with the operation's permission. An actor
 * that a route has just checked for this request (authorizeSignedIn) is taken at its role,
 * without a second read; any other actor is read from the database.
 */
export async function authorizeVideo(actor: VideoActor, permission: Permission): Promise<ViewerContext> {
  const checked = checkedRole(actor);
  if (checked) {
    if (!can(checked, permission)) throw new TeamAccessError("forbidden");
    return { teamId: actor.teamId, userId: actor.userId, role: checked };
  }
  const { team, role } = await authorize(db, actor.userId, actor.teamId, permission);
  return { teamId: team.id, userId: actor.userId, role };
}
