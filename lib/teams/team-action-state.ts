import "server-only";
import { getTranslations } from "next-intl/server";
import type { z } from "zod";
import type { ActionState } from "@/lib/forms/action-state";
import { TeamAccessError, TeamRuleError } from "./authorize";

/** ActionState plus what team forms show after success: a message, or a new invite's path. */
export type TeamActionState = ActionState & { message?: string; invitePath?: string };

type Parsed<T> = { ok: true; data: T } | { ok: false; state: TeamActionState };

/**
 * Like lib/forms/parse-form.ts, for schemas whose messages are keys of this feature's
 * catalogue ("teamErrors.*"); every failing field gets its message.
 */
export async function parseTeamForm<S extends z.ZodType>(schema: S, formData: FormData, keep: string[] = []): Promise<Parsed<z.infer<S>>> {
  const raw = Object.fromEntries([...formData.entries()].filter(([k, v]) => !k.startsWith("$") && typeof v === "string"));
  const result = schema.safeParse(raw);
  if (result.success) return { ok: true, data: result.data };
  const t = await getTranslations("teamErrors");
  const fieldErrors: Record<string, string> = {};
  for (const issue of result.error.issues) {
    const field = String(issue.path[0] ?? "form");
    if (fieldErrors[field]) continue;
    const key = issue.message.startsWith("teamErrors.") ? issue.message.slice("teamErrors.".length) : "invalid";
    fieldErrors[field] = t(key as "invalid");
  }
  // Ids are not worth a field message: a tampered form gets the same answer as a stranger.
  if (fieldErrors.teamId || fieldErrors.userId || fieldErrors.inviteId) return { ok: false, state: { formError: t("notFound") } };
  return { ok: false, state: { fieldErrors, values: Object.fromEntries(keep.map((k) => [k, String(raw[k] ?? "")])) } };
}

/** Turns a refusal from the data layer into the person's language; anything else is a bug and rethrown. */
export async function teamActionError(error: unknown): Promise<TeamActionState> {
  const t = await getTranslations("teamErrors");
  if (error instanceof TeamAccessError) return { formError: t(error.reason === "forbidden" ? "forbidden" : "notFound") };
  if (error instanceof TeamRuleError) return { formError: t(error.code) };
  throw error;
}
