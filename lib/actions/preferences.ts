"use server";

import { cookies } from "next/headers";
import { z } from "zod";
import { db } from "@/lib/db";
import { currentUser } from "@/lib/auth/current-user";
import { publicAction } from "@/lib/forms/define-action";
import { withoutAnswer } from "@/lib/forms/without-answer";
import { LOCALES, LOCALE_COOKIE } from "@/lib/i18n/locales";
import { THEMES, THEME_COOKIE } from "@/lib/theme";

const YEAR = 365 * 24 * 3600;

/** Saves the language in a cookie (works signed out) and on the account (follows the person). */
export const setLocaleAction = withoutAnswer(
  publicAction({
    schema: z.object({ locale: z.enum(LOCALES) }),
    run: async ({ input: { locale } }) => {
      (await cookies()).set(LOCALE_COOKIE, locale, { path: "/", maxAge: YEAR, sameSite: "lax" });
      const user = await currentUser();
      if (user) await db.user.update({ where: { id: user.id }, data: { locale } });
      return { ok: true };
    },
  }),
);

export const setThemeAction = withoutAnswer(
  publicAction({
    schema: z.object({ theme: z.enum(THEMES) }),
    run: async ({ input: { theme } }) => {
      (await cookies()).set(THEME_COOKIE, theme, { path: "/", maxAge: YEAR, sameSite: "lax" });
      return { ok: true };
    },
  }),
);
