import "server-only";
import { db } from "@/lib/db";
import { budgetRoom, type BudgetRoom } from "@/lib/teams/budget";
import { isChannelId, type ChannelId } from "./model-registry";
import { authorizeVideo, type VideoActor } from "./video-access";

// What the Generate and Gallery pages read about the team, each checked with authorize().

async function channelOf(teamId: string): Promise<ChannelId> {
  const team = await db.team.findUniqueOrThrow({ where: { id: teamId }, select: { providerChannel: true } });
  return isChannelId(team.providerChannel) ? team.providerChannel : "simulator";
}

/** The team's provider channel (which model registry applies), for anyone who may see its videos. */
export async function teamVideoChannel(actor: VideoActor): Promise<ChannelId> {
  const viewer = await authorizeVideo(actor, "videos.read");
  return channelOf(viewer.teamId);
}

/** Generate (and "use these settings again"): the channel and the month's budget room (`videos.create`). */
export async function generateContext(actor: VideoActor): Promise<{ channel: ChannelId; room: BudgetRoom }> {
  const viewer = await authorizeVideo(actor, "videos.create");
  const [channel, room] = await Promise.all([channelOf(viewer.teamId), budgetRoom(db, viewer.teamId, viewer.userId)]);
  return { channel, room };
}
