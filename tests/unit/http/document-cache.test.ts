import { describe, expect, it } from "vitest";
import { documentCacheHeaders } from "@/lib/http/document-cache";

const SIGN_OUT = "7f" + "ab".repeat(20);
const request = (method: string, pathname: string, headers: Record<string, string> = {}) => ({
  method,
  pathname,
  headers: new Headers(headers),
});

describe("documentCacheHeaders", () => {
  it("lets the browser keep pages, privately and revalidated", () => {
    for (const path of ["/sign-in", "/t/team/gallery", "/t/team/generate", "/"]) {
      expect(documentCacheHeaders(request("GET", path), SIGN_OUT)).toEqual({ "Cache-Control": "private, no-cache" });
      expect(documentCacheHeaders(request("HEAD", path), SIGN_OUT)).toEqual({ "Cache-Control": "private, no-cache" });
    }
  });

  it("leaves API answers and other actions to their handlers", () => {
    expect(documentCacheHeaders(request("GET", "/api/teams/t/videos"), SIGN_OUT)).toEqual({});
    expect(
      documentCacheHeaders(request("POST", "/t/team/generate", { "next-action": "7f" + "cd".repeat(20) }), SIGN_OUT),
    ).toEqual({});
    expect(documentCacheHeaders(request("POST", "/t/team/generate"), SIGN_OUT)).toEqual({});
  });

  it("clears what the browser kept when the sign-out action answers, and only then", () => {
    expect(documentCacheHeaders(request("POST", "/t/team/gallery", { "next-action": SIGN_OUT }), SIGN_OUT)).toEqual({
      "Clear-Site-Data": '"cache"',
    });
    // No build manifest (dev server): no id to recognise, nothing cleared.
    expect(documentCacheHeaders(request("POST", "/t/team/gallery", { "next-action": SIGN_OUT }), null)).toEqual({});
  });
});
