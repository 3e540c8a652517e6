"use server";

import { z } from "zod";
import { db } from "@/lib/db";
import { signIn } from "@/lib/auth/config";
import { createUserWithTeam, EmailUnavailableError, signUpSchema } from "@/lib/auth/sign-up";
import { safeCallbackPath } from "@/lib/auth/safe-callback";
import { publicAction } from "@/lib/forms/define-action";
import { currentLocale } from "@/lib/i18n/request";

export const signUpAction = publicAction({
  schema: signUpSchema.extend({ callbackUrl: z.string().optional() }),
  keep: ["name", "email"],
  run: async ({ input, t }) => {
    const { name, email, password } = input;
    try {
      await createUserWithTeam(
        db,
        { name, email, password },
        t("auth.defaultTeamName", { name }),
        await currentLocale(),
      );
    } catch (error) {
      if (error instanceof EmailUnavailableError) return { ok: false, formError: t("errors.signUpUnavailable") };
      throw error;
    }
    await signIn("credentials", { email, password, redirectTo: safeCallbackPath(input.callbackUrl) });
    return { ok: true };
  },
});
