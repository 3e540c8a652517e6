import "server-only";
import type { z } from "zod";
import { getTranslations } from "next-intl/server";
import type { ActionState } from "./action-state";

type Parsed<T> = { ok: true; data: T } | { ok: false; state: ActionState };

/**
 * Validates a FormData with a zod schema whose messages are catalogue keys (errors.*), and
 * translates every failing field (not just the first) into the person's language.
 */
export async function parseForm<S extends z.ZodType>(schema: S, formData: FormData, keep: string[] = []): Promise<Parsed<z.infer<S>>> {
  const raw = Object.fromEntries([...formData.entries()].filter(([k, v]) => !k.startsWith("$") && typeof v === "string"));
  const result = schema.safeParse(raw);
  if (result.success) return { ok: true, data: result.data };
  const t = await getTranslations();
  const fieldErrors: Record<string, string> = {};
  for (const issue of result.error.issues) {
    const field = String(issue.path[0] ?? "form");
    if (fieldErrors[field]) continue;
    fieldErrors[field] = issue.message.startsWith("errors.") ? t(issue.message as "errors.invalid") : t("errors.invalid");
  }
  const values = Object.fromEntries(keep.map((k) => [k, String(raw[k] ?? "")]));
  return { ok: false, state: { fieldErrors, values } };
}
