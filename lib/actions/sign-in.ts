"use server";

import { AuthError } from "next-auth";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { db } from "@/lib/db";
import { signIn } from "@/lib/auth/config";
import { emailSchema } from "@/lib/auth/sign-up";
import { safeCallbackPath } from "@/lib/auth/safe-callback";
import type { ActionState } from "@/lib/forms/action-state";
import { isLocale, LOCALE_COOKIE } from "@/lib/i18n/locales";

export async function signInAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const t = await getTranslations();
  const email = emailSchema.safeParse(formData.get("email"));
  const password = formData.get("password");
  const values = { email: String(formData.get("email") ?? "") };
  if (!email.success || typeof password !== "string" || !password) {
    return { formError: t("errors.badCredentials"), values };
  }
  try {
    await signIn("credentials", { email: email.data, password, redirect: false });
  } catch (error) {
    if (error instanceof AuthError) {
      const code = "code" in error ? error.code : undefined;
      return { formError: t(code === "throttled" ? "errors.throttled" : "errors.badCredentials"), values };
    }
    throw error;
  }
  // Only after a successful sign-in: the account's saved language follows the person.
  const user = await db.user.findUnique({ where: { email: email.data }, select: { locale: true } });
  if (isLocale(user?.locale)) (await cookies()).set(LOCALE_COOKIE, user.locale, { path: "/", maxAge: 365 * 24 * 3600, sameSite: "lax" });
  redirect(safeCallbackPath(formData.get("callbackUrl")));
}
