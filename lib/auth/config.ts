import NextAuth, { CredentialsSignin, type NextAuthConfig } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import GitHub from "next-auth/providers/github";
import Google from "next-auth/providers/google";
import { PrismaAdapter } from "@auth/prisma-adapter";
import { cachedDecode, cachedEncode } from "./session-token-cache";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { createTeamWithOwner } from "@/lib/teams/create-team";
import { verifyPassword } from "./password";
import { recordFailure, recordSuccess, secondsLocked } from "./sign-in-throttle";
import { emailSchema } from "./sign-up";
import { clientAddress } from "./client-address";

export class TooManyAttempts extends CredentialsSignin {
  code = "throttled";
}

const providers: NextAuthConfig["providers"] = [
  Credentials({
    credentials: { email: {}, password: {} },
    async authorize(credentials, request) {
      const email = emailSchema.safeParse(credentials?.email);
      const password = typeof credentials?.password === "string" ? credentials.password : "";
      if (!email.success || !password) return null;
      const keys = { email: email.data, ip: clientAddress(request.headers) };
      if ((await secondsLocked(db, keys)) > 0) throw new TooManyAttempts();
      const user = await db.user.findUnique({ where: { email: email.data } });
      if (!(await verifyPassword(user?.passwordHash, password)) || !user) {
        await recordFailure(db, keys, env.signIn);
        return null;
      }
      await recordSuccess(db, keys);
      return { id: user.id, email: user.email, name: user.name };
    },
  }),
];
if (env.github) providers.push(GitHub(env.github));
if (env.google) providers.push(Google(env.google));

export const oauthProviders = { github: Boolean(env.github), google: Boolean(env.google) };

export const { handlers, auth, signIn, signOut } = NextAuth(() => ({
  // The adapter stores OAuth users and accounts; sessions are JWTs because Credentials needs them.
  // The JWT carries only the user id: team access is checked against the database on every request.
  adapter: PrismaAdapter(db as never),
  session: { strategy: "jwt", maxAge: 30 * 24 * 3600 },
  // The cookie's crypto, remembered briefly per cookie (lib/auth/session-token-cache.ts).
  jwt: { encode: cachedEncode, decode: cachedDecode },
  secret: env.authSecret(),
  trustHost: true,
  pages: { signIn: "/sign-in" },
  providers,
  callbacks: {
    jwt({ token, user }) {
      if (user?.id) token.sub = user.id;
      return token;
    },
    session({ session, token }) {
      if (token.sub) session.user.id = token.sub;
      return session;
    },
  },
  events: {
    // An OAuth sign-up gets its own team, like a password sign-up.
    async createUser({ user }) {
      if (user.id) await createTeamWithOwner(db, user.id, `${user.name ?? user.email ?? "My"} team`);
    },
  },
}));
