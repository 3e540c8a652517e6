import "server-only";
import { db } from "@/lib/db";
import { budgetRoom, type BudgetRoom } from "@/lib/teams/budget";
import type { ConnectionOffer } from "./form-rules";
import { teamOffers } from "./offers";
import { authorizeVideo, type VideoActor } from "./video-access";

// What the Generate and Gallery pages read about the team, each checked with authorize().

/** The team's connections with their models (the gallery's model filter), for anyone who may see its videos. */
export async function teamVideoOffers(actor: VideoActor): Promise<ConnectionOffer[]> {
  const viewer = await authorizeVideo(actor, "videos.read");
  return teamOffers(db, viewer.teamId, { includeArchived: true });
}

/** Generate (and "use these settings again"): what the team can buy and the month's budget room (`videos.create`). */
export async function generateContext(actor: VideoActor): Promise<{ offers: ConnectionOffer[]; room: BudgetRoom }> {
  const viewer = await authorizeVideo(actor, "videos.create");
  const [offers, room] = await Promise.all([
    teamOffers(db, viewer.teamId),
    budgetRoom(db, viewer.teamId, viewer.userId),
  ]);
  return { offers, room };
}
