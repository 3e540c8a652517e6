import { TeamAccessError } from "@/lib/teams/authorize";

// The one error envelope of every route handler (and of proxy.ts's 401):
// { "error": { "message", "code" } }, never cached. Plain Response, so proxy.ts can use it too.

export type ErrorCode = "unauthenticated" | "not_found" | "forbidden" | "bad_request" | "not_stored" | (string & {});

export function errorResponse(status: number, code: ErrorCode, message: string): Response {
  return Response.json({ error: { message, code } }, { status, headers: { "Cache-Control": "no-store" } });
}

/** A refusal a route handler (or the lib function it calls) throws; the pipeline answers it. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
  }

  toResponse(): Response {
    return errorResponse(this.status, this.code, this.message);
  }
}

export const httpErrors = {
  unauthenticated: () => new HttpError(401, "unauthenticated", "Sign in first."),
  notFound: () => new HttpError(404, "not_found", "Not found."),
  forbidden: () => new HttpError(403, "forbidden", "Not allowed."),
  badRequest: (code: ErrorCode, message: string) => new HttpError(400, code, message),
};

/** HttpError as it says; the data layer's TeamAccessError as 404 (non-member, unknown id) or 403. */
export function refusalResponse(error: unknown): Response | null {
  if (error instanceof HttpError) return error.toResponse();
  if (error instanceof TeamAccessError)
    return (error.reason === "forbidden" ? httpErrors.forbidden() : httpErrors.notFound()).toResponse();
  return null;
}
