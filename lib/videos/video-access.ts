import "server-only";
import { db } from "@/lib/db";
import { authorize } from "@/lib/teams/authorize";
import type { Permission } from "@/lib/teams/permissions";
import type { Role } from "@/lib/teams/roles";
import type { ViewerContext } from "./task-dto";

/**
 * Who asks for a video operation. A caller may pass the role it already knows, but it is never
 * trusted: every video function reads the membership again through `authorize()`, so a
 * non-member, a guessed team id or a stale role is refused here, whoever the caller is.
 */
export type VideoActor = { teamId: string; userId: string; role?: Role };

/** The one check of the video engine: `authorize()` with the operation's permission. */
export async function authorizeVideo(actor: VideoActor, permission: Permission): Promise<ViewerContext> {
  const { team, role } = await authorize(db, actor.userId, actor.teamId, permission);
  return { teamId: team.id, userId: actor.userId, role };
}
