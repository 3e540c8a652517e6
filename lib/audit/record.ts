import type { Tx } from "@/lib/db/client";
import type { AuditAction } from "./audit-actions";

export { AUDIT_ACTIONS, type AuditAction } from "./audit-actions";

export type AuditInput = {
  teamId: string;
  actorId: string | null;
  action: AuditAction;
  /** The user, invite or video acted on. */
  targetId?: string | null;
  /** Small facts for the log line (roles, amounts, last four of a key). Never a secret. */
  data?: Record<string, string | number | boolean | null>;
};

/**
 * Writes one audit entry. Takes a transaction on purpose: the entry commits or rolls back with
 * the change it describes, so the log never claims something that did not happen (or misses it).
 */
export async function recordAudit(tx: Tx, input: AuditInput): Promise<void> {
  await tx.auditEntry.create({
    data: {
      teamId: input.teamId,
      actorId: input.actorId,
      action: input.action,
      targetId: input.targetId ?? null,
      data: input.data ? JSON.stringify(input.data) : null,
    },
  });
}
