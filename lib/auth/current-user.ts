import "server-only";
import { cache } from "react";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { auth } from "./config";
import { cachedDecode } from "./session-token-cache";

/** Auth.js's session cookie: "__Secure-" on https, plain on http (and ".0", ".1"… when chunked). */
const SESSION_COOKIES = ["__Secure-authjs.session-token", "authjs.session-token"];

/**
 * The user id the session names, from the signed cookie alone (no database read): for callers
 * that read the user together with what they need (route handlers: `authorizeSignedIn`). The
 * cookie is decrypted with Auth.js's own decode, secret and salt (the cookie's name), through
 * the per-cookie cache of session-token-cache.ts, without running Auth.js's whole session
 * action (a Request, its options, a Response and its JSON per call). `sub` is the user id
 * (config.ts's jwt callback). A chunked cookie is left to Auth.js.
 */
export const sessionUserId = cache(async (): Promise<string | null> => {
  const jar = await cookies();
  for (const name of SESSION_COOKIES) {
    const token = jar.get(name)?.value;
    if (!token) continue;
    const payload = await cachedDecode({ token, secret: env.authSecret(), salt: name }).catch(() => null);
    return typeof payload?.sub === "string" && payload.sub ? payload.sub : null;
  }
  if (jar.getAll().some((c) => SESSION_COOKIES.some((name) => c.name.startsWith(`${name}.`))))
    return (await auth())?.user?.id ?? null;
  return null;
});

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
