"use server";

import { redirect, notFound } from "next/navigation";
import { z } from "zod";
import { db } from "@/lib/db";
import { requireUser } from "@/lib/auth/current-user";
import { parseForm } from "@/lib/forms/parse-form";
import type { ActionState } from "@/lib/forms/action-state";
import { createTeamWithOwner } from "@/lib/teams/create-team";
import { createTeamSchema } from "@/lib/teams/team-form-schemas";
import { findMembership } from "@/lib/teams/team-access";
import { STUDIO_SECTIONS } from "@/lib/teams/sections";

export async function createTeamAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const user = await requireUser();
  const parsed = await parseForm(createTeamSchema, formData, ["name"]);
  if (!parsed.ok) return parsed.state;
  const team = await db.$transaction((tx) => createTeamWithOwner(tx, user.id, parsed.data.name));
  redirect(`/t/${team.id}/generate`);
}

const switchSchema = z.object({ teamId: z.string().min(1).max(64), section: z.enum(STUDIO_SECTIONS).catch("generate") });

export async function switchTeamAction(formData: FormData): Promise<void> {
  const user = await requireUser();
  const parsed = switchSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) notFound();
  const membership = await findMembership(user.id, parsed.data.teamId);
  if (!membership) notFound();
  await db.user.update({ where: { id: user.id }, data: { activeTeamId: membership.team.id } });
  redirect(`/t/${membership.team.id}/${parsed.data.section}`);
}
