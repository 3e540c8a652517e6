import "server-only";
import type { Db } from "@/lib/db/client";
import { recordAudit } from "@/lib/audit/record";
import { authorize } from "./authorize";
import type { RetentionChoice } from "./retention";

const DAY_MS = 86_400_000;

/**
 * How long the studio keeps archived videos, checked like every team operation: `authorize`
 * inside the transaction, so a member gets "forbidden" and a stranger "not_found". The
 * permission is `videos.delete.any`: a retention period removes our copy of anyone's videos.
 * Applies to videos already archived too: each one's removal date becomes its archive date
 * plus the new period (or none for "keep").
 */
export async function setTeamRetention(db: Db, actorId: string, teamId: string, choice: RetentionChoice) {
  const days = choice === "keep" ? null : Number(choice);
  await db.$transaction(async (tx) => {
    const { team } = await authorize(tx, actorId, teamId, "videos.delete.any");
    const before = await tx.team.findUniqueOrThrow({ where: { id: team.id }, select: { retentionDays: true } });
    await tx.team.update({ where: { id: team.id }, data: { retentionDays: days } });
    const archived = await tx.videoTask.findMany({
      where: { teamId: team.id, archiveStatus: "done", deletedAt: null },
      select: { id: true, archivedAt: true },
    });
    for (const task of archived) {
      const retainUntil = days && task.archivedAt ? new Date(task.archivedAt.getTime() + days * DAY_MS) : null;
      await tx.videoTask.update({ where: { id: task.id }, data: { retainUntil } });
    }
    await recordAudit(tx, {
      teamId: team.id,
      actorId,
      action: "team.retention_changed",
      data: { from: before.retentionDays, to: days },
    });
  });
}
