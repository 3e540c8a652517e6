import { describe, expect, it } from "vitest";
import { parseEnv } from "@/lib/env";
import { accelRedirectMedia, ifRangeHolds, mediaETag, noneMatchHits } from "@/lib/storage/media-store";

// The pure parts of serving stored media: validators and the X-Accel-Redirect answer
// (the file-backed behaviour is in tests/integration/videos/media-caching.test.ts).

describe("stored media validators", () => {
  const etag = mediaETag(700_000, Date.UTC(2026, 11, 1, 13, 17, 5, 987));
  const lastModified = "Tue, 01 Dec 2026 13:17:05 GMT";

  it("writes nginx's ETag format: mtime seconds and size in hex", () => {
    expect(etag).toBe(`"${Math.floor(Date.UTC(2026, 11, 1, 13, 17, 5) / 1000).toString(16)}-aae60"`);
  });

  it("compares If-None-Match weakly, over a list, with *", () => {
    expect(noneMatchHits(etag, etag)).toBe(true);
    expect(noneMatchHits(`W/${etag}`, etag)).toBe(true);
    expect(noneMatchHits(`"a", ${etag}`, etag)).toBe(true);
    expect(noneMatchHits("*", etag)).toBe(true);
    expect(noneMatchHits('"a", "b"', etag)).toBe(false);
  });

  it("holds If-Range only for the same strong tag or the exact date", () => {
    expect(ifRangeHolds(null, etag, lastModified)).toBe(true);
    expect(ifRangeHolds(etag, etag, lastModified)).toBe(true);
    expect(ifRangeHolds(`W/${etag}`, etag, lastModified)).toBe(false);
    expect(ifRangeHolds('"other"', etag, lastModified)).toBe(false);
    expect(ifRangeHolds(lastModified, etag, lastModified)).toBe(true);
    expect(ifRangeHolds("Mon, 30 Nov 2026 00:00:00 GMT", etag, lastModified)).toBe(false);
  });
});

describe("X-Accel-Redirect", () => {
  it("names the file under the prefix, with no body", () => {
    const answer = accelRedirectMedia("/protected-media", "teams/t 1/k/video.mp4", "video/mp4");
    expect(answer.status).toBe(200);
    expect(answer.body).toBeNull();
    expect(answer.headers.get("x-accel-redirect")).toBe("/protected-media/teams/t%201/k/video.mp4");
    expect(answer.headers.get("cache-control")).toBe("private, max-age=31536000, immutable");
  });

  it("is configured by MEDIA_ACCEL_REDIRECT_PREFIX, a path", () => {
    expect(parseEnv({}).mediaAccelRedirectPrefix).toBeUndefined();
    expect(parseEnv({ MEDIA_ACCEL_REDIRECT_PREFIX: "/protected-media/" }).mediaAccelRedirectPrefix).toBe(
      "/protected-media/",
    );
    expect(() => parseEnv({ MEDIA_ACCEL_REDIRECT_PREFIX: "protected-media" })).toThrow(/MEDIA_ACCEL_REDIRECT_PREFIX/);
    expect(() => parseEnv({ MEDIA_ACCEL_REDIRECT_PREFIX: "https://cdn.example/x" })).toThrow(
      /MEDIA_ACCEL_REDIRECT_PREFIX/,
    );
  });
});
