// HTTP errors in OpenAI's four-key envelope. Messages marked "recorded" are verbatim from
// ../shared/upstream/sora-videos-api.md; the rest follow OpenAI's usual wording and are choices.

export interface ApiErrorFields {
  message: string;
  type: string;
  param: string | null;
  code: string | null;
}

/** What an error is about, for profiles that word or number it differently (profiles/*.ts). */
export type ErrorTag = "missing_key" | "invalid_key" | "quota" | "content_not_ready";

export class SimulatorHttpError extends Error {
  readonly status: number;
  readonly fields: ApiErrorFields;
  readonly headers: Record<string, string>;
  readonly tag: ErrorTag | null;

  constructor(
    status: number,
    fields: ApiErrorFields,
    headers: Record<string, string> = {},
    tag: ErrorTag | null = null,
  ) {
    super(fields.message);
    this.name = "SimulatorHttpError";
    this.status = status;
    this.fields = fields;
    this.headers = headers;
    this.tag = tag;
  }

  toBody(): { error: ApiErrorFields } {
    return { error: { ...this.fields } };
  }
}

function invalidRequest(message: string, param: string | null, code: string | null, status = 400) {
  return new SimulatorHttpError(status, { message, type: "invalid_request_error", param, code });
}

/** `'4', '8', or '12'` / `'4', '8', and '12'` as OpenAI writes enumerations. */
export function quoteList(values: readonly string[], conjunction: "or" | "and"): string {
  const quoted = values.map((v) => `'${v}'`);
  if (quoted.length <= 1) return quoted.join("");
  if (quoted.length === 2) return `${quoted[0]} ${conjunction} ${quoted[1]}`;
  return `${quoted.slice(0, -1).join(", ")}, ${conjunction} ${quoted[quoted.length - 1]}`;
}

/** How OpenAI names a JSON value's type in "got ... instead". */
export function describeJsonType(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  if (typeof value === "number") return Number.isInteger(value) ? "an integer" : "a decimal";
  if (typeof value === "boolean") return "a boolean";
  if (typeof value === "string") return "a string";
  if (typeof value === "object") return "an object";
  return typeof value;
}

function maskKey(key: string): string {
  if (key.length <= 8) return `${key.slice(0, 2)}${"*".repeat(Math.max(0, key.length - 2))}`;
  return `${key.slice(0, 3)}${"*".repeat(Math.min(24, key.length - 7))}${key.slice(-4)}`;
}

export const apiErrors = {
  // CHOICE: a missing key also answers code `invalid_api_key` (the issue asks for it; the real
  // API answers code null with this message).
  missingApiKey: () =>
    new SimulatorHttpError(
      401,
      {
        message:
          "You didn't provide an API key. You need to provide your API key in an Authorization header using Bearer auth (i.e. Authorization: Bearer YOUR_KEY).",
        type: "invalid_request_error",
        param: null,
        code: "invalid_api_key",
      },
      {},
      "missing_key",
    ),
  invalidApiKey: (key: string) =>
    new SimulatorHttpError(
      401,
      {
        message: `Incorrect API key provided: ${maskKey(key)}. You can find your API key at https://platform.openai.com/account/api-keys.`,
        type: "invalid_request_error",
        param: null,
        code: "invalid_api_key",
      },
      {},
      "invalid_key",
    ),
  invalidUrl: (method: string, path: string) => invalidRequest(`Invalid URL (${method} ${path})`, null, null, 404),
  // CHOICE: wording of the unknown-id answer (digest: 404 invalid_request_error).
  videoNotFound: (id: string) => invalidRequest(`Video with id '${id}' not found.`, null, null, 404),
  invalidJson: () =>
    invalidRequest(
      "We could not parse the JSON body of your request. (HINT: This likely means you aren't using your HTTP library correctly. The OpenAI API expects a JSON payload, but what was sent was not valid JSON.)",
      null,
      null,
    ),
  unsupportedContentType: (contentType: string) =>
    invalidRequest(
      `Unsupported content type: '${contentType}'. This endpoint expects 'application/json' or 'multipart/form-data'.`,
      null,
      null,
    ),
  unknownParameter: (name: string) => invalidRequest(`Unrecognized request argument supplied: ${name}`, null, null),
  missingParameter: (param: string) =>
    invalidRequest(`Missing required parameter: '${param}'.`, param, "missing_required_parameter"),
  invalidType: (param: string, expected: string, value: unknown) =>
    invalidRequest(
      `Invalid type for '${param}': expected ${expected}, but got ${describeJsonType(value)} instead.`,
      param,
      "invalid_type",
    ),
  invalidValue: (param: string, value: string, supported: readonly string[]) =>
    invalidRequest(
      `Invalid value: '${value}'. Supported values are: ${quoteList(supported, "and")}.`,
      param,
      "invalid_value",
    ),
  stringTooShort: (param: string, min: number) =>
    invalidRequest(
      `Invalid '${param}': string too short. Expected a string with minimum length ${min}, but got an empty string instead.`,
      param,
      "string_below_min_length",
    ),
  stringTooLong: (param: string, max: number, actual: number) =>
    invalidRequest(
      `Invalid '${param}': string too long. Expected a string with maximum length ${max}, but got a string with length ${actual} instead.`,
      param,
      "string_above_max_length",
    ),
  integerOutOfRange: (param: string, bound: "min" | "max", limit: number, actual: number) =>
    invalidRequest(
      bound === "min"
        ? `Invalid '${param}': integer below minimum value. Expected a value >= ${limit}, but got ${actual} instead.`
        : `Invalid '${param}': integer above maximum value. Expected a value <= ${limit}, but got ${actual} instead.`,
      param,
      bound === "min" ? "integer_below_min_value" : "integer_above_max_value",
    ),
  notAnInteger: (param: string, raw: string) =>
    invalidRequest(`Invalid '${param}': expected an integer, but got '${raw}' instead.`, param, "invalid_type"),
  // CHOICE: the sora-2 size rule has no recorded message; param/code are the digest's guess.
  sizeNotAllowedForModel: (model: string, size: string, allowed: readonly string[]) =>
    invalidRequest(
      `Invalid value: '${size}'. The model '${model}' supports only these sizes: ${quoteList(allowed, "and")}.`,
      "size",
      "invalid_value",
    ),
  // Recorded.
  inpaintSizeMismatch: () =>
    invalidRequest("Inpaint image must match the requested width and height", "input_reference", "invalid_value"),
  // Recorded.
  referenceIsString: () =>
    invalidRequest(
      "Invalid type for 'input_reference': expected a file, but got a string instead.",
      "input_reference",
      "invalid_type",
    ),
  // Recorded.
  unsupportedMimetype: (mimetype: string) =>
    invalidRequest(
      `Invalid file 'input_reference': unsupported mimetype ('${mimetype}'). Supported file formats are 'image/jpeg', 'image/png', 'image/webp', and 'video/mp4'.`,
      "input_reference",
      "invalid_value",
    ),
  // CHOICE: the recorded mimetype message lists video/mp4, but the issue limits references to
  // images; an MP4 reference is refused with its own message.
  videoReferenceUnsupported: () =>
    invalidRequest(
      "Invalid file 'input_reference': video references are not supported by this model. Supported image formats are 'image/jpeg', 'image/png', and 'image/webp'.",
      "input_reference",
      "invalid_value",
    ),
  undecodableImage: () =>
    invalidRequest(
      "Invalid file 'input_reference': the file could not be decoded as a JPEG, PNG or WebP image.",
      "input_reference",
      "invalid_value",
    ),
  invalidReferenceObject: (detail: string) =>
    invalidRequest(`Invalid 'input_reference': ${detail}`, "input_reference", "invalid_value"),
  noSuchFile: (fileId: string) => invalidRequest(`No such File object: ${fileId}`, "input_reference", "invalid_value"),
  // CHOICE: wording for content/remix/delete on a job in the wrong state.
  videoNotReady: (status: string) =>
    invalidRequest(
      `Video is not ready yet (status: '${status}'). Content is available once the status is 'completed'.`,
      null,
      null,
    ),
  videoFailedNoContent: () =>
    invalidRequest("Video generation failed, so there is no content to download.", null, null),
  contentExpired: (id: string) =>
    invalidRequest(`The content of video '${id}' has expired and is no longer available.`, null, null, 404),
  remixSourceNotCompleted: (status: string) =>
    invalidRequest(`Only completed videos can be remixed; this video's status is '${status}'.`, null, null),
  deleteNotAllowed: (status: string) =>
    invalidRequest(`Only completed or failed videos can be deleted; this video's status is '${status}'.`, null, null),
  // CHOICE: API易's CDN delay answers 400; its body is unknown, so this text is ours.
  contentNotYetAvailable: () =>
    new SimulatorHttpError(
      400,
      {
        message: "Video content is not available yet, please retry in a few seconds.",
        type: "invalid_request_error",
        param: null,
        code: null,
      },
      {},
      "content_not_ready",
    ),
  // OpenAI's answer when the account has no credit (recorded wording); profiles re-word it.
  insufficientQuota: () =>
    new SimulatorHttpError(
      429,
      {
        message:
          "You exceeded your current quota, please check your plan and billing details. For more information on this error, read the docs: https://platform.openai.com/docs/guides/error-codes/api-errors.",
        type: "insufficient_quota",
        param: null,
        code: "insufficient_quota",
      },
      {},
      "quota",
    ),
  // new-api's answer to a non-string where its Go struct wants a string (Veo's `seconds`).
  parseRequestFailed: (param: string, got: string, want: string) =>
    new SimulatorHttpError(400, {
      message: `json: cannot unmarshal ${got} into Go struct field VideoRequest.${param} of type ${want}`,
      type: "new_api_error",
      param: null,
      code: "parse_request_failed",
    }),
  // A plain 400 with a message of our own (relaxed relays' value errors).
  badRequest: (message: string, param: string | null, code: string | null = "invalid_request") =>
    invalidRequest(message, param, code),
  notSupported: (what: string) => invalidRequest(`${what} is not supported for this model.`, null, "invalid_request"),
  unknownMarker: (marker: string, reason: string) =>
    invalidRequest(`Invalid simulator marker '[[${marker}]]' in prompt: ${reason}`, "prompt", "invalid_value"),
  // CHOICE: OpenAI's rate-limit wording, shortened; type "requests" and code as OpenAI sends them.
  rateLimited: (retryAfterSeconds: number) =>
    new SimulatorHttpError(
      429,
      {
        message: `Rate limit reached for videos per min. Please try again in ${retryAfterSeconds}s.`,
        type: "requests",
        param: null,
        code: "rate_limit_exceeded",
      },
      { "retry-after": String(retryAfterSeconds) },
    ),
  // The message is API易's, recorded. CHOICE: type and code (its gateway is new-api).
  upstreamSaturated: (retryAfterSeconds: number) =>
    new SimulatorHttpError(
      429,
      {
        message: "Current group's upstream is saturated, please try again later",
        type: "new_api_error",
        param: null,
        code: "upstream_saturated",
      },
      { "retry-after": String(retryAfterSeconds) },
    ),
  serverError: () =>
    new SimulatorHttpError(500, {
      message: "The server had an error while processing your request. Sorry about that!",
      type: "server_error",
      param: null,
      code: null,
    }),
  serviceUnavailable: (retryAfterSeconds: number | null) =>
    new SimulatorHttpError(
      503,
      { message: "The server is overloaded or not ready yet.", type: "server_error", param: null, code: null },
      retryAfterSeconds === null ? {} : { "retry-after": String(retryAfterSeconds) },
    ),
};
