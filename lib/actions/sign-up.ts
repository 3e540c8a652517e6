"use server";

import { getTranslations } from "next-intl/server";
import { db } from "@/lib/db";
import { signIn } from "@/lib/auth/config";
import { createUserWithTeam, EmailUnavailableError, signUpSchema } from "@/lib/auth/sign-up";
import { parseForm } from "@/lib/forms/parse-form";
import type { ActionState } from "@/lib/forms/action-state";
import { currentLocale } from "@/lib/i18n/request";
import { safeCallbackPath } from "@/lib/auth/safe-callback";

export async function signUpAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const parsed = await parseForm(signUpSchema, formData, ["name", "email"]);
  if (!parsed.ok) return parsed.state;
  const t = await getTranslations();
  const { name, email, password } = parsed.data;
  try {
    await createUserWithTeam(db, parsed.data, t("auth.defaultTeamName", { name }), await currentLocale());
  } catch (error) {
    if (error instanceof EmailUnavailableError) return { formError: t("errors.signUpUnavailable"), values: { name, email } };
    throw error;
  }
  await signIn("credentials", { email, password, redirectTo: safeCallbackPath(formData.get("callbackUrl")) });
  return { ok: true };
}
