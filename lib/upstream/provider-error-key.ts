// Provider failures arrive as a code and the provider's own English message (see
// ../shared/upstream/sora-videos-api.md for the recorded ones). People get plain words in their
// language instead; an unrecognised failure falls back to the raw message, never to nothing.

export const PROVIDER_ERROR_KEYS = [
  "moderation",
  "contentFilter",
  "referenceSize",
  "referenceType",
  "invalidKey",
  "orgNotVerified",
  "busy",
  "providerError",
  "unreachable",
  "notConfigured",
  "expired",
  "timedOut",
  "givenUp",
  "interrupted",
  "lost",
  "invalidRequest",
] as const;

export type ProviderErrorKey = (typeof PROVIDER_ERROR_KEYS)[number];

const BY_CODE: Record<string, ProviderErrorKey> = {
  moderation_blocked: "moderation",
  content_filter: "contentFilter",
  content_policy_violation: "moderation",
  invalid_api_key: "invalidKey",
  rate_limited: "busy",
  rate_limit_exceeded: "busy",
  upstream_saturated: "busy",
  internal_error: "providerError",
  processing_error: "providerError",
  server_error: "providerError",
  timeout: "unreachable",
  connection_error: "unreachable",
  provider_not_configured: "notConfigured",
  expired: "expired",
  timed_out: "timedOut",
  given_up: "givenUp",
  submit_interrupted: "interrupted",
  submit_lost: "lost",
};

// Matched against the message when the code is missing or generic (relays often drop codes).
const BY_MESSAGE: [RegExp, ProviderErrorKey][] = [
  [/must match the requested width and height/i, "referenceSize"],
  [/unsupported mimetype|could not be decoded as a jpeg|video references are not supported/i, "referenceType"],
  [/blocked by our moderation system|content policy violation/i, "moderation"],
  [/incorrect api key|didn't provide an api key|invalid api key/i, "invalidKey"],
  [/organization must be verified/i, "orgNotVerified"],
  [/upstream is saturated|rate limit|too many requests/i, "busy"],
  [/has expired/i, "expired"],
];

/** The catalogue key (namespace "providerErrors") for a provider failure, or null when unknown. */
export function providerErrorKey(
  code: string | null | undefined,
  message: string | null | undefined,
): ProviderErrorKey | null {
  // A specific code wins; messages are matched only on their recorded wording (a loose word
  // like "moderation" also appears in unrelated messages).
  const byCode = code ? BY_CODE[code.toLowerCase()] : undefined;
  if (byCode) return byCode;
  const text = message ?? "";
  for (const [pattern, key] of BY_MESSAGE) if (pattern.test(text)) return key;
  if (code && /^http_4\d\d$|^invalid_/.test(code) && text) return "invalidRequest";
  if (code && /^http_5\d\d$/.test(code)) return "providerError";
  return null;
}
