import { redirect, unstable_rethrow } from "next/navigation";
import type { z } from "zod";
import type { CurrentUser } from "@/lib/auth/current-user";
import { authorize } from "@/lib/teams/authorize";
import type { Reader } from "@/lib/teams/db-types";
import type { Permission } from "@/lib/teams/permissions";
import type { Role } from "@/lib/teams/roles";
import { refusalKey } from "@/lib/teams/team-action-state";
import type { ActionResult, ServerAction } from "./action-result";
import { formInput, invalidInput, keptValues, say, type MessageKey, type Translate } from "./form-input";

// The one path of every server action: zod schema → session → membership and permission
// (authorize, from the database) → run → one ActionResult with translated messages. The real
// session, database and translator are bound in ./define-action.ts; tests bind their own.

export type ActionDeps = {
  db: Reader;
  session: () => Promise<CurrentUser | null>;
  translator: () => Promise<Translate>;
};

type Common<S extends z.ZodType> = {
  schema: S;
  /** Text fields handed back after a failure to refill the form (never passwords or keys). */
  keep?: readonly (keyof z.input<S> & string)[];
  /** A form-level message added to the field errors when the schema refuses the input. */
  invalid?: MessageKey;
  /** The message for an unexpected error (logged); "Something went wrong" by default. */
  unexpected?: MessageKey;
};

export type PublicContext<S extends z.ZodType> = { input: z.output<S>; t: Translate };
export type UserContext<S extends z.ZodType> = PublicContext<S> & { user: CurrentUser };
export type TeamContext<S extends z.ZodType> = UserContext<S> & { team: { id: string; name: string }; role: Role };

type Run<C, T> = (ctx: C) => Promise<ActionResult<T>>;
type Access<S extends z.ZodType> =
  | { kind: "public" }
  | { kind: "user"; signInCallback?: (input: z.output<S>) => string }
  | { kind: "team"; permission: Permission };

export function actionKit(deps: ActionDeps) {
  function define<S extends z.ZodType, T>(def: Common<S> & { run: Run<never, T> }, access: Access<S>): ServerAction<T> {
    return (async (...args: unknown[]) => {
      const formData = args.at(-1);
      if (!(formData instanceof FormData)) throw new TypeError("A server action takes the form's FormData");
      const t = await deps.translator();
      const raw = formInput(formData);
      const values = keptValues(raw, def.keep);
      const parsed = def.schema.safeParse(raw);
      if (!parsed.success) return invalidInput(parsed.error.issues, t, values, def.invalid);
      const input = parsed.data;
      try {
        const ctx: Record<string, unknown> = { input, t };
        if (access.kind !== "public") {
          const user = await deps.session();
          if (!user)
            redirect(
              access.kind === "user" && access.signInCallback
                ? `/sign-in?callbackUrl=${encodeURIComponent(access.signInCallback(input))}`
                : "/sign-in",
            );
          ctx.user = user;
          if (access.kind === "team")
            Object.assign(
              ctx,
              await authorize(deps.db, user.id, (input as { teamId?: unknown }).teamId, access.permission),
            );
        }
        const result = await (def.run as Run<Record<string, unknown>, T>)(ctx);
        return result.ok || result.values ? result : { ...result, values };
      } catch (error) {
        // redirect(), notFound() and Next's other control flow are not failures: let them through.
        unstable_rethrow(error);
        const refusal = refusalKey(error);
        if (refusal) return { ok: false, formError: t(refusal), values };
        console.error("server action failed", error);
        return { ok: false, formError: say(t, def.unexpected ?? "errors.unexpected", "errors.unexpected"), values };
      }
    }) as ServerAction<T>;
  }

  return {
    /** Anyone, signed in or not (sign-in, sign-up, language). */
    publicAction<S extends z.ZodType, T>(def: Common<S> & { run: Run<PublicContext<S>, T> }): ServerAction<T> {
      return define(def as Common<S> & { run: Run<never, T> }, { kind: "public" });
    },
    /** A signed-in person acting on their own account; signed out → the sign-in page (and back). */
    userAction<S extends z.ZodType, T>(
      def: Common<S> & { run: Run<UserContext<S>, T>; signInCallback?: (input: z.output<S>) => string },
    ): ServerAction<T> {
      return define(def as Common<S> & { run: Run<never, T> }, { kind: "user", signInCallback: def.signInCallback });
    },
    /**
     * A member of the form's `teamId` whose role has `permission` (authorize). A stranger gets the
     * not-found answer, a member whose role is too low "not allowed for your role".
     */
    teamAction<S extends z.ZodType<{ teamId: string }>, T>(
      def: Common<S> & { permission: Permission; run: Run<TeamContext<S>, T> },
    ): ServerAction<T> {
      return define(def as Common<S> & { run: Run<never, T> }, { kind: "team", permission: def.permission });
    },
  };
}
