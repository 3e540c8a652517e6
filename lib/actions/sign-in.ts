"use server";

import { AuthError } from "next-auth";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { db } from "@/lib/db";
import { signIn } from "@/lib/auth/config";
import { emailSchema } from "@/lib/auth/sign-up";
import { safeCallbackPath } from "@/lib/auth/safe-callback";
import { publicAction } from "@/lib/forms/define-action";
import { isLocale, LOCALE_COOKIE } from "@/lib/i18n/locales";

const signInSchema = z.object({ email: emailSchema, password: z.string().min(1), callbackUrl: z.string().optional() });

// A malformed e-mail or an empty password answers like a wrong one: nothing to tell apart.
export const signInAction = publicAction({
  schema: signInSchema,
  keep: ["email"],
  invalid: "errors.badCredentials",
  run: async ({ input, t }) => {
    try {
      await signIn("credentials", { email: input.email, password: input.password, redirect: false });
    } catch (error) {
      if (!(error instanceof AuthError)) throw error;
      const code = "code" in error ? error.code : undefined;
      return { ok: false, formError: t(code === "throttled" ? "errors.throttled" : "errors.badCredentials") };
    }
    // Only after a successful sign-in: the account's saved language follows the person.
    const user = await db.user.findUnique({ where: { email: input.email }, select: { locale: true } });
    if (isLocale(user?.locale))
      (await cookies()).set(LOCALE_COOKIE, user.locale, { path: "/", maxAge: 365 * 24 * 3600, sameSite: "lax" });
    redirect(safeCallbackPath(input.callbackUrl));
  },
});
