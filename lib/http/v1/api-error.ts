// The error envelope of the studio's OpenAI-compatible API (/api/v1), OpenAI's own:
// { "error": { "message", "type", "param", "code" } }, all four keys always present, plus the
// studio's facts in extra keys (what remains of a budget). Never cached.

export type ApiErrorType =
  | "invalid_request_error"
  | "authentication_error"
  | "permission_error"
  | "not_found_error"
  | "insufficient_quota"
  | "rate_limit_error"
  | "server_error";

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly type: ApiErrorType,
    message: string,
    readonly code: string | null = null,
    readonly param: string | null = null,
    readonly extra: Record<string, unknown> = {},
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }

  toResponse(): Response {
    return Response.json(
      { error: { message: this.message, type: this.type, param: this.param, code: this.code, ...this.extra } },
      { status: this.status, headers: { "Cache-Control": "no-store", ...this.headers } },
    );
  }
}

export const apiErrors = {
  invalidKey: () =>
    new ApiError(
      401,
      "invalid_request_error",
      "Incorrect API key provided. Create a token under Team → API and send it as 'Authorization: Bearer <token>'.",
      "invalid_api_key",
    ),
  notFound: (what = "video") =>
    new ApiError(404, "invalid_request_error", `No ${what} with that id in this team.`, "not_found"),
  forbidden: () =>
    new ApiError(
      403,
      "permission_error",
      "The role of this token's creator in the team does not allow this.",
      "insufficient_permissions",
    ),
  invalid: (param: string | null, message: string, code = "invalid_value") =>
    new ApiError(400, "invalid_request_error", message, code, param),
};
