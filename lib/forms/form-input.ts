import type { getTranslations } from "next-intl/server";
import type { MessageKeys, NestedKeyOf } from "next-intl";
import type { z } from "zod";
import type { Messages } from "@/lib/i18n/catalogues";
import type { ActionResult } from "./action-result";

/** The root translator of the person's language (getTranslations() with no namespace). */
export type Translate = Awaited<ReturnType<typeof getTranslations<never>>>;
export type MessageKey = MessageKeys<Messages, NestedKeyOf<Messages>>;

/** Fields that name a row: when one is malformed, the form was tampered with, answered like a stranger. */
const ID_FIELDS = new Set(["teamId", "userId", "inviteId", "taskId"]);

/** The form's fields (text and files), without Next's own `$ACTION_…` entries. */
export function formInput(formData: FormData): Record<string, string | File> {
  const input: Record<string, string | File> = {};
  for (const [key, value] of formData.entries()) if (!key.startsWith("$")) input[key] = value;
  return input;
}

/** The text fields named in `keep`, to refill the form after a failed submit. */
export function keptValues(
  input: Record<string, string | File>,
  keep: readonly string[] = [],
): Record<string, string> | undefined {
  if (keep.length === 0) return undefined;
  return Object.fromEntries(keep.map((k) => [k, typeof input[k] === "string" ? input[k] : ""]));
}

/** A catalogue key in the person's language; anything that is not a key becomes `fallback`. */
export function say(t: Translate, key: string, fallback: MessageKey = "errors.invalid"): string {
  return t.has(key as MessageKey) ? t(key as never) : t(fallback as never);
}

/**
 * Every failing field gets its message (schemas carry catalogue keys such as "errors.nameRequired"
 * or "teamErrors.amountFormat"), not just the first. A malformed id gets the not-found answer.
 */
export function invalidInput(
  issues: readonly z.core.$ZodIssue[],
  t: Translate,
  values: Record<string, string> | undefined,
  formErrorKey?: MessageKey,
): ActionResult<never> {
  if (issues.some((issue) => ID_FIELDS.has(String(issue.path[0]))))
    return { ok: false, formError: t("teamErrors.notFound") };
  const fieldErrors: Record<string, string> = {};
  for (const issue of issues) {
    const field = String(issue.path[0] ?? "form");
    fieldErrors[field] ??= say(t, issue.message);
  }
  return { ok: false, fieldErrors, values, ...(formErrorKey ? { formError: say(t, formErrorKey) } : {}) };
}
