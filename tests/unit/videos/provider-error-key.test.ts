import { describe, expect, it } from "vitest";
import { providerErrorKey } from "@/lib/upstream/provider-error-key";
import { catalogues } from "@/lib/i18n/catalogues";

// The recorded provider messages of ../shared/upstream/sora-videos-api.md, and the codes the
// engine stores, each reach plain words; anything unknown falls back to the raw message (null).
describe("providerErrorKey", () => {
  it.each([
    ["moderation_blocked", "Your request was blocked by our moderation system.", "moderation"],
    ["failed", "Content policy violation", "moderation"],
    ["content_filter", "The generated video was flagged by our content filter.", "contentFilter"],
    ["invalid_value", "Inpaint image must match the requested width and height", "referenceSize"],
    ["http_400", "Inpaint image must match the requested width and height", "referenceSize"],
    [
      "invalid_value",
      "Invalid file 'input_reference': unsupported mimetype ('application/octet-stream'). Supported file formats are 'image/jpeg', 'image/png', 'image/webp', and 'video/mp4'.",
      "referenceType",
    ],
    ["invalid_api_key", "Incorrect API key provided: sk-***abcd.", "invalidKey"],
    [null, "You didn't provide an API key. You need to provide your API key in an Authorization header", "invalidKey"],
    ["http_403", "Your organization must be verified to use the model sora-2-pro", "orgNotVerified"],
    ["upstream_saturated", "Current group's upstream is saturated, please try again later", "busy"],
    ["rate_limited", "Too many requests", "busy"],
    ["rate_limit_exceeded", "Rate limit reached for videos per min. Please try again in 20s.", "busy"],
    ["internal_error", "An internal error occurred while generating the video. Please try again.", "providerError"],
    ["http_502", "Bad gateway", "providerError"],
    ["timeout", "The provider did not answer in time.", "unreachable"],
    ["provider_not_configured", "Provider not configured: missing_key", "notConfigured"],
    ["timed_out", "No result after 45 min, the limit for sora-2.", "timedOut"],
    ["given_up", "Given up by Ada. Nothing was charged.", "givenUp"],
    ["submit_interrupted", "The studio stopped before sending this job to the provider.", "interrupted"],
    ["submit_lost", "The provider has no record of this job; it was not started and nothing was charged.", "lost"],
    ["invalid_value", "Invalid value: '10'. Supported values are: '4', '8', and '12'.", "invalidRequest"],
    // Names "moderation" among the marker kinds, but is not a moderation failure.
    [
      "invalid_value",
      "Invalid simulator marker '[[sparkles]]' in prompt: unknown kind 'sparkles' (use one of 429, moderation, fail)",
      "invalidRequest",
    ],
  ] as const)("%s / %s → %s", (code, message, key) => {
    expect(providerErrorKey(code, message)).toBe(key);
  });

  it("returns null for an unknown failure, so the raw message is shown", () => {
    expect(providerErrorKey("weird_code", "Something odd happened")).toBeNull();
    expect(providerErrorKey(null, null)).toBeNull();
  });

  it("every key it can return has a message in both languages", () => {
    for (const locale of ["en", "zh-CN"] as const) {
      const messages = catalogues[locale].providerErrors as Record<string, string>;
      for (const key of [
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
        "invalidRequest",
      ]) {
        expect(messages[key], `${locale} ${key}`).toBeTruthy();
      }
    }
  });
});
