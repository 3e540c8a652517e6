import { ApiError } from "./api-error";

/** A path /api/v1 does not serve: 404 in OpenAI's envelope (no token needed to learn that). */
export async function apiNotFound(request: Request): Promise<Response> {
  const path = new URL(request.url).pathname.replace(/^\/api/, "");
  return new ApiError(
    404,
    "invalid_request_error",
    `The studio's API does not serve ${request.method} ${path}. See docs/api.md for what it does.`,
    "unknown_url",
  ).toResponse();
}
