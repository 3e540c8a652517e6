import "server-only";
import { db } from "@/lib/db";
import { readCards } from "./card-rows";
import { toVideoDto } from "./task-dto";
import { authorizeVideo, type VideoActor } from "./video-access";
import type { VideoDto } from "./video-dto";

// Where a video came from and what came from it (issue 15, item 3): the remix parent
// (remixOfTaskId) or the task whose settings were used again, retried or varied (sourceTaskId +
// sourceKind), the other takes of its variation group (variationGroupId), and its children by
// either column. Every read is of the viewer's team only (the team id is in every statement), so
// a task of another team never appears, even if an id pointed at it (decision 080).

export type LineageKind = "remix" | "settings" | "retry" | "variation";

export type LineageLink = { kind: LineageKind; video: VideoDto };

export type Lineage = {
  /** Where this video came from, when that video is still in the gallery. */
  parent: LineageLink | null;
  /** The other videos of its variation set, oldest first. */
  siblings: VideoDto[];
  /** What was made from it, newest first. */
  children: LineageLink[];
};

/** At most this many children are listed (a video remixed hundreds of times shows the newest). */
export const MAX_CHILDREN = 24;

const KINDS: readonly string[] = ["settings", "retry", "variation"];

function kindOf(row: { remixOfTaskId: string | null; sourceKind: string | null }): LineageKind {
  if (row.remixOfTaskId) return "remix";
  return KINDS.includes(row.sourceKind ?? "") ? (row.sourceKind as LineageKind) : "settings";
}

/** The lineage of one task of the viewer's team, or null when it is not one. */
export async function videoLineage(actor: VideoActor, taskId: string): Promise<Lineage | null> {
  const viewer = await authorizeVideo(actor, "videos.read");
  const teamId = viewer.teamId;
  const self = await db.videoTask.findFirst({
    where: { id: taskId, teamId, deletedAt: null },
    select: { id: true, remixOfTaskId: true, sourceTaskId: true, sourceKind: true, variationGroupId: true },
  });
  if (!self) return null;
  const parentId = self.remixOfTaskId ?? self.sourceTaskId;
  const [siblingRows, childRows] = await Promise.all([
    self.variationGroupId
      ? db.videoTask.findMany({
          where: { teamId, variationGroupId: self.variationGroupId, deletedAt: null, id: { not: self.id } },
          select: { id: true },
          orderBy: [{ createdAt: "asc" }, { id: "asc" }],
          take: 16,
        })
      : [],
    // Two indexed lookups (remixOfTaskId, sourceTaskId) rather than one OR, each bounded.
    Promise.all(
      (["remixOfTaskId", "sourceTaskId"] as const).map((column) =>
        db.videoTask.findMany({
          where: { teamId, [column]: self.id, deletedAt: null },
          select: { id: true, remixOfTaskId: true, sourceKind: true, createdAt: true },
          orderBy: [{ createdAt: "desc" }, { id: "desc" }],
          take: MAX_CHILDREN,
        }),
      ),
    ).then(([remixes, sourced]) =>
      [...remixes!, ...sourced!.filter((row) => !row.remixOfTaskId)]
        .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || (a.id < b.id ? 1 : -1))
        .slice(0, MAX_CHILDREN),
    ),
  ]);
  const ids = [
    ...new Set([...(parentId ? [parentId] : []), ...siblingRows.map((r) => r.id), ...childRows.map((r) => r.id)]),
  ];
  const cards = ids.length ? await readCards({ teamId, ids }) : [];
  const dto = new Map(cards.map((row) => [row.id, toVideoDto(row, viewer)]));
  const parentVideo = parentId ? dto.get(parentId) : undefined;
  return {
    parent: parentVideo ? { kind: kindOf(self), video: parentVideo } : null,
    siblings: siblingRows.flatMap((r) => dto.get(r.id) ?? []),
    children: childRows.flatMap((r) => {
      const video = dto.get(r.id);
      return video ? [{ kind: kindOf(r), video }] : [];
    }),
  };
}

/** Two to four videos of the viewer's team, in the order asked, for Compare (others are left out). */
export async function compareVideos(actor: VideoActor, ids: readonly string[]): Promise<VideoDto[]> {
  const viewer = await authorizeVideo(actor, "videos.read");
  const wanted = [...new Set(ids.filter((id) => id.length > 0 && id.length <= 64))].slice(0, MAX_COMPARED);
  if (wanted.length === 0) return [];
  const cards = await readCards({ teamId: viewer.teamId, ids: wanted });
  return wanted.flatMap((id) => {
    const row = cards.find((c) => c.id === id);
    return row ? [toVideoDto(row, viewer)] : [];
  });
}

export const MIN_COMPARED = 2;
export const MAX_COMPARED = 4;
