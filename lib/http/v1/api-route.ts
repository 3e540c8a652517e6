import "server-only";
import { randomBytes } from "node:crypto";
import { db } from "@/lib/db";
import { formatUsd } from "@/lib/money/format";
import { authenticateApiToken, type ApiTokenActor } from "@/lib/teams/api-tokens";
import { TeamAccessError } from "@/lib/teams/authorize";
import { BudgetExceededError } from "@/lib/teams/budget";
import { RemixUnavailableError } from "@/lib/videos/remix-video";
import { VideoRequestError } from "@/lib/videos/validate-video-request";
import { ApiError, apiErrors } from "./api-error";
import { englishGenerate } from "./english";
import { apiRateLimiter } from "./rate-limit";

// The one pipeline of /api/v1 (docs/api.md): a request id → the bearer token (hash known, not
// revoked or expired, its creator still a member) or 401 → the token's rate limit or 429 → the
// handler, which calls the same lib functions as the studio's pages with the token's creator as
// the actor → JSON, or the Response the handler built (media). Every refusal leaves in OpenAI's
// error envelope (./api-error.ts).

export type ApiContext = ApiTokenActor & { requestId: string };

type RouteContext<P> = { params: Promise<P> };

function bearer(request: Request): string | null {
  const header = request.headers.get("authorization") ?? "";
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return match ? match[1]! : null;
}

/** The request's field a VideoRequestError names, in the API's words. */
const PARAM: Record<VideoRequestError["field"], string> = {
  connection: "connection",
  prompt: "prompt",
  model: "model",
  size: "size",
  seconds: "seconds",
  reference: "input_reference",
};

export function budgetError(error: BudgetExceededError): ApiError {
  const money = { remaining: formatUsd(error.remainingCents), cost: formatUsd(error.costCents) };
  const whose =
    error.scope === "team"
      ? "The team's monthly budget"
      : error.scope === "member"
        ? "The monthly cap of this token's creator"
        : "This token's monthly cap";
  return new ApiError(
    402,
    "insufficient_quota",
    `${whose} has ${money.remaining} left; this video costs ${money.cost}. Nothing was started or charged.`,
    "insufficient_quota",
    null,
    { budget: { scope: error.scope, remaining_cents: error.remainingCents, cost_cents: error.costCents } },
  );
}

/** Any refusal of the pipeline or of lib, as OpenAI's envelope; other errors are logged 500s. */
export function apiErrorOf(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  if (error instanceof TeamAccessError)
    return error.reason === "forbidden" ? apiErrors.forbidden() : apiErrors.notFound();
  if (error instanceof BudgetExceededError) return budgetError(error);
  if (error instanceof VideoRequestError) {
    const t = englishGenerate();
    const key = `errors.${error.messageKey}` as "errors.invalid";
    return apiErrors.invalid(PARAM[error.field], t.has(key) ? t(key, error.params) : t("errors.invalid"));
  }
  if (error instanceof RemixUnavailableError)
    return apiErrors.invalid(
      null,
      "This video cannot be remixed: it is not completed, its provider's copy has expired, or its model has no remix.",
      "remix_unavailable",
    );
  console.error("[api/v1]", error);
  return new ApiError(500, "server_error", "The studio failed to answer this request.", "internal_error");
}

function withHeaders(response: Response, headers: Record<string, string>): Response {
  const merged = new Headers(response.headers);
  for (const [name, value] of Object.entries(headers)) merged.set(name, value);
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers: merged });
}

export function apiRoute<P = Record<string, never>>(
  handle: (ctx: ApiContext, request: Request, params: P) => Promise<Response | object>,
) {
  return async (request: Request, context: RouteContext<P>): Promise<Response> => {
    const requestId = `req_${randomBytes(12).toString("hex")}`;
    const headers: Record<string, string> = { "x-request-id": requestId };
    let response: Response;
    try {
      const secret = bearer(request);
      const actor = secret ? await authenticateApiToken(db, secret) : null;
      if (!actor) throw apiErrors.invalidKey();
      const rate = apiRateLimiter.take(actor.tokenId, Date.now());
      headers["x-ratelimit-limit-requests"] = String(rate.limit);
      headers["x-ratelimit-remaining-requests"] = String(rate.remaining);
      if (!rate.ok)
        throw new ApiError(
          429,
          "rate_limit_error",
          `Rate limit reached for this token: ${rate.limit} requests per minute. Try again in ${rate.retryAfterSeconds} s.`,
          "rate_limit_exceeded",
          null,
          {},
          { "retry-after": String(rate.retryAfterSeconds), "retry-after-ms": String(rate.retryAfterSeconds * 1000) },
        );
      headers["x-ratelimit-reset-requests"] = `${rate.resetSeconds}s`;
      const result = await handle({ ...actor, requestId }, request, await context.params);
      response =
        result instanceof Response ? result : Response.json(result, { headers: { "Cache-Control": "no-store" } });
    } catch (error) {
      response = apiErrorOf(error).toResponse();
    }
    return withHeaders(response, headers);
  };
}
