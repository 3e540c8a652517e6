import "server-only";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma-sqlite/client";
import { authorizeVideo, type VideoActor } from "@/lib/videos/video-access";
import { cleanIds } from "./ids";

// Favourites are one person's (decision 071): anyone who may see the team's videos marks and
// unmarks their own; nobody sees another person's. The row keeps the team for the gallery
// filter's index (Favourite(teamId, userId, createdAt)).

/**
 * Marks (or unmarks) these videos as the viewer's favourites. Only this team's live videos are
 * marked; ids of other teams or deleted videos are silently left out. Returns how many rows changed.
 */
export async function setFavourites(actor: VideoActor, taskIds: readonly string[], on: boolean): Promise<number> {
  const viewer = await authorizeVideo(actor, "videos.read");
  const ids = cleanIds(taskIds);
  if (ids.length === 0) return 0;
  if (!on)
    return (
      await db.favourite.deleteMany({ where: { userId: viewer.userId, teamId: viewer.teamId, taskId: { in: ids } } })
    ).count;
  // One statement, idempotent (a double click, two tabs): the same syntax on both databases.
  return db.$executeRaw(
    Prisma.sql`INSERT INTO "Favourite" ("userId", "taskId", "teamId", "createdAt")
      SELECT ${viewer.userId}, "id", "teamId", ${new Date()} FROM "VideoTask"
      WHERE "teamId" = ${viewer.teamId} AND "deletedAt" IS NULL AND "id" IN (${Prisma.join(ids)})
      ON CONFLICT DO NOTHING`,
  );
}

/** The viewer's favourite video ids in this team, newest favourite first (for the cards' stars). */
export async function favouriteIds(actor: VideoActor): Promise<string[]> {
  const viewer = await authorizeVideo(actor, "videos.read");
  const rows = await db.favourite.findMany({
    where: { teamId: viewer.teamId, userId: viewer.userId },
    orderBy: { createdAt: "desc" },
    select: { taskId: true },
    take: 10_000,
  });
  return rows.map((row) => row.taskId);
}
