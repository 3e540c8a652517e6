import "server-only";
import { getTranslations } from "next-intl/server";
import { db } from "@/lib/db";
import { currentUser } from "@/lib/auth/current-user";
import { actionKit } from "./action-kit";

/**
 * The wrappers every server action in lib/actions/ is defined with (see docs/architecture.md,
 * "Server actions"): publicAction, userAction, teamAction.
 */
export const { publicAction, userAction, teamAction } = actionKit({
  db,
  session: currentUser,
  translator: () => getTranslations(),
});
