"use server";

import { cookies } from "next/headers";
import { db } from "@/lib/db";
import { currentUser } from "@/lib/auth/current-user";
import { isLocale, LOCALE_COOKIE } from "@/lib/i18n/locales";
import { isTheme, THEME_COOKIE } from "@/lib/theme";

const YEAR = 365 * 24 * 3600;

/** Saves the language in a cookie (works signed out) and on the account (follows the person). */
export async function setLocaleAction(formData: FormData): Promise<void> {
  const locale = formData.get("locale");
  if (!isLocale(locale)) return;
  (await cookies()).set(LOCALE_COOKIE, locale, { path: "/", maxAge: YEAR, sameSite: "lax" });
  const user = await currentUser();
  if (user) await db.user.update({ where: { id: user.id }, data: { locale } });
}

export async function setThemeAction(formData: FormData): Promise<void> {
  const theme = formData.get("theme");
  if (!isTheme(theme)) return;
  (await cookies()).set(THEME_COOKIE, theme, { path: "/", maxAge: YEAR, sameSite: "lax" });
}
