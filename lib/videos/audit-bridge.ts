import type { Db } from "@/lib/db/client";

type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

// Video deletions belong in the team's audit log. Written here directly (same transaction as
// the delete) with the action name the audit page lists: "video.deleted".
export async function recordVideoAudit(
  tx: Tx,
  entry: { teamId: string; actorId: string; action: string; targetId: string; data: Record<string, string> },
): Promise<void> {
  await tx.auditEntry.create({
    data: { teamId: entry.teamId, actorId: entry.actorId, action: entry.action, targetId: entry.targetId, data: JSON.stringify(entry.data) },
  });
}
