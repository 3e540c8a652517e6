import "server-only";
import { isAuditAction, type AuditAction } from "@/lib/audit/audit-actions";
import type { Reader } from "./db-types";
import { authorize } from "./authorize";

export const AUDIT_PAGE_SIZE = 25;

export type AuditEntryDto = {
  id: string;
  action: AuditAction | "unknown";
  createdAt: string;
  actor: { id: string; name: string } | null;
  target: { id: string; name: string } | null;
  data: Record<string, string | number | boolean | null>;
};

export type AuditPage = { entries: AuditEntryDto[]; page: number; pageCount: number; total: number };

function parseData(text: string | null): AuditEntryDto["data"] {
  if (!text) return {};
  try {
    const value: unknown = JSON.parse(text);
    return value && typeof value === "object" && !Array.isArray(value) ? (value as AuditEntryDto["data"]) : {};
  } catch {
    return {};
  }
}

/** One page of the team's audit log, newest first; owner and admins only. */
export async function listAudit(db: Reader, userId: string, teamId: string, page: number): Promise<AuditPage> {
  const { team } = await authorize(db, userId, teamId, "audit.read");
  const total = await db.auditEntry.count({ where: { teamId: team.id } });
  const pageCount = Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE));
  const current = Math.min(Math.max(1, Math.trunc(page) || 1), pageCount);
  const rows = await db.auditEntry.findMany({
    where: { teamId: team.id },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    skip: (current - 1) * AUDIT_PAGE_SIZE,
    take: AUDIT_PAGE_SIZE,
  });
  // Actors and targets may have left the team: names come from users, whoever they are now.
  const ids = [...new Set(rows.flatMap((r) => [r.actorId, r.targetId]).filter((v): v is string => Boolean(v)))];
  const users = await db.user.findMany({ where: { id: { in: ids } }, select: { id: true, name: true, email: true } });
  const names = new Map(users.map((u) => [u.id, u.name ?? u.email]));
  const person = (id: string | null) => (id && names.has(id) ? { id, name: names.get(id)! } : null);
  return {
    page: current,
    pageCount,
    total,
    entries: rows.map((r) => ({
      id: r.id,
      action: isAuditAction(r.action) ? r.action : "unknown",
      createdAt: r.createdAt.toISOString(),
      actor: person(r.actorId),
      target: person(r.targetId),
      data: parseData(r.data),
    })),
  };
}
