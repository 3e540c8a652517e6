"use server";

import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { db } from "@/lib/db";
import type { ActionState } from "@/lib/forms/action-state";
import { requireTeam } from "@/lib/teams/team-access";
import { RETENTION_CHOICES } from "@/lib/teams/retention";
import { recordAudit } from "@/lib/audit/record";

const schema = z.object({ teamId: z.string().min(1).max(64), retention: z.enum(RETENTION_CHOICES) });

/**
 * How long the studio keeps archived videos. Applies to videos already archived too: each one's
 * removal date becomes its archive date plus the new period (or none for "keep").
 */
export async function setRetentionAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const parsed = schema.safeParse(Object.fromEntries(formData));
  const t = await getTranslations();
  if (!parsed.success) return { formError: t("errors.invalid") };
  const { team, user } = await requireTeam(parsed.data.teamId, "ADMIN");
  const days = parsed.data.retention === "keep" ? null : Number(parsed.data.retention);
  await db.$transaction(async (tx) => {
    const before = await tx.team.findUniqueOrThrow({ where: { id: team.id }, select: { retentionDays: true } });
    await tx.team.update({ where: { id: team.id }, data: { retentionDays: days } });
    const archived = await tx.videoTask.findMany({ where: { teamId: team.id, archiveStatus: "done", deletedAt: null }, select: { id: true, archivedAt: true } });
    for (const task of archived) {
      const retainUntil = days && task.archivedAt ? new Date(task.archivedAt.getTime() + days * 86_400_000) : null;
      await tx.videoTask.update({ where: { id: task.id }, data: { retainUntil } });
    }
    await recordAudit(tx, { teamId: team.id, actorId: user.id, action: "team.retention_changed", data: { from: before.retentionDays, to: days } });
  });
  revalidatePath(`/t/${team.id}`, "layout");
  return { ok: true, formError: undefined, values: { retention: parsed.data.retention } };
}
