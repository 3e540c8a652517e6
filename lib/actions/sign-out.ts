"use server";

import { z } from "zod";
import { signOut } from "@/lib/auth/config";
import { publicAction } from "@/lib/forms/define-action";
import { withoutAnswer } from "@/lib/forms/without-answer";

export const signOutAction = withoutAnswer(
  publicAction({
    schema: z.object({}),
    run: async () => {
      await signOut({ redirectTo: "/sign-in" });
      return { ok: true };
    },
  }),
);
