import "server-only";
import { cache } from "react";
import { redirect } from "next/navigation";
import { db } from "@/lib/db";
import { auth } from "./config";

/**
 * The user id the session names, from the signed cookie alone (no database read): for callers
 * that read the user together with what they need (route handlers: `authorizeSignedIn`).
 */
export const sessionUserId = cache(async (): Promise<string | null> => (await auth())?.user?.id ?? null);

/** The signed-in user, read from the database (a deleted user's old token counts for nothing). */
export const currentUser = cache(async () => {
  const id = await sessionUserId();
  if (!id) return null;
  return db.user.findUnique({
    where: { id },
    select: { id: true, name: true, email: true, locale: true, activeTeamId: true },
  });
});

export type CurrentUser = NonNullable<Awaited<ReturnType<typeof currentUser>>>;

export async function requireUser(): Promise<CurrentUser> {
  const user = await currentUser();
  if (!user) redirect("/sign-in");
  return user;
}
