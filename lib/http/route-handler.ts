import "server-only";
import { timingSafeEqual } from "node:crypto";
import type { NextRequest } from "next/server";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { sessionUserId } from "@/lib/auth/current-user";
import { authorizeSignedIn, type CheckedActor } from "@/lib/teams/authorize";
import type { Permission } from "@/lib/teams/permissions";
import { httpErrors, refusalResponse } from "./errors";

// The one pipeline of the studio's route handlers: authenticate → parse → authorise → call lib →
// JSON (or the Response the lib call built, for files). Refusals, thrown at any step, all leave
// through refusalResponse() in the one envelope of lib/http/errors.ts.

type RouteContext<P> = { params: Promise<P> };

/**
 * The actor a team route hands to lib: read with the user in one statement by
 * authorizeSignedIn(); lib takes its role for this request (checkedRole) or checks again.
 */
export type RouteActor = CheckedActor;

function toResponse(result: unknown): Response {
  if (result instanceof Response) return result;
  return Response.json(result, { headers: { "Cache-Control": "no-store" } });
}

/** Runs `handle` and answers its refusals in the envelope; other errors stay 500s. */
export function route<P>(handle: (request: NextRequest, params: P) => Promise<unknown>) {
  return async (request: NextRequest, context: RouteContext<P>): Promise<Response> => {
    try {
      return toResponse(await handle(request, await context.params));
    } catch (error) {
      const refusal = refusalResponse(error);
      if (refusal) return refusal;
      throw error;
    }
  };
}

/**
 * A route under /api/teams/<teamId>: a session or 401; `parse` reads the request (throw
 * httpErrors.badRequest / notFound); `authorizeSignedIn(db, userId, teamId, permission)` (the
 * user, the membership and the team in one statement) or 401/404/403; then `run` calls one lib
 * function with the actor.
 */
export function teamRoute<P extends { teamId: string }, I>(spec: {
  permission: Permission;
  parse: (request: NextRequest, params: P) => I;
  run: (actor: RouteActor, input: I, request: NextRequest) => Promise<unknown>;
}) {
  return route<P>(async (request, params) => {
    const userId = await sessionUserId();
    if (!userId) throw httpErrors.unauthenticated();
    const input = spec.parse(request, params);
    const actor = await authorizeSignedIn(db, userId, params.teamId, spec.permission);
    if (!actor) throw httpErrors.unauthenticated();
    return spec.run(actor, input, request);
  });
}

/** For an external scheduler: "Authorization: Bearer $CRON_SECRET", else 404 (off when unset). */
export function requireCronSecret(request: Request): void {
  const expected = env.cronSecret;
  const given = request.headers.get("authorization")?.replace(/^Bearer\s+/i, "") ?? "";
  if (!expected || given.length !== expected.length || !timingSafeEqual(Buffer.from(given), Buffer.from(expected)))
    throw httpErrors.notFound();
}
