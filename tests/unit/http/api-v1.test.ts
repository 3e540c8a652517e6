import { describe, expect, it } from "vitest";
import { RateLimiter } from "@/lib/http/v1/rate-limit";
import { toOpenAIVideo } from "@/lib/http/v1/video-object";
import type { VideoDto } from "@/lib/videos/video-dto";
import { OPENAI_VIDEO_KEYS } from "../../support/openai-video-keys";

// The pure parts of /api/v1: a studio task as OpenAI's Video object, and the per-token bucket.

function dto(over: Partial<VideoDto> = {}): VideoDto {
  return {
    id: "task1",
    teamId: "team1",
    status: "completed",
    progress: 100,
    model: "sora-2",
    connectionId: "c1",
    connectionName: "Simulator",
    apiTokenName: "nightly",
    size: "720x1280",
    seconds: 8,
    prompt: "A lighthouse",
    createdAt: "2026-12-01T10:00:00.000Z",
    completedAt: "2026-12-01T10:02:00.000Z",
    createdBy: { id: "u1", name: "Ada" },
    mine: true,
    estimateCents: 80,
    costCents: 80,
    errorCode: null,
    errorMessage: null,
    providerExpiresAt: null,
    archiveStatus: "done",
    retainUntil: "2026-12-31T10:02:00.000Z",
    hasReference: false,
    remixOfTaskId: null,
    media: { video: null, thumbnail: null, poster: null, spritesheet: null },
    canDelete: true,
    canRemix: true,
    ...over,
  };
}

describe("toOpenAIVideo", () => {
  it("has OpenAI's 13 keys plus 'studio', times in unix seconds, seconds as text", () => {
    const video = toOpenAIVideo(dto());
    expect(Object.keys(video).sort()).toEqual([...OPENAI_VIDEO_KEYS, "studio"].sort());
    expect(video).toMatchObject({
      object: "video",
      status: "completed",
      progress: 100,
      created_at: Date.parse("2026-12-01T10:00:00Z") / 1000,
      completed_at: Date.parse("2026-12-01T10:02:00Z") / 1000,
      expires_at: Date.parse("2026-12-31T10:02:00Z") / 1000,
      seconds: "8",
      error: null,
      studio: { cost_cents: 80, api_token: "nightly", connection: { id: "c1", name: "Simulator" } },
    });
  });

  it("is completed only once the studio's copy is kept; before that in progress, a lost copy failed", () => {
    expect(toOpenAIVideo(dto({ archiveStatus: "pending" }))).toMatchObject({
      status: "in_progress",
      progress: 99,
      completed_at: null,
      expires_at: null,
    });
    expect(toOpenAIVideo(dto({ archiveStatus: "lost", costCents: 0 }))).toMatchObject({
      status: "failed",
      error: { code: "video_lost" },
    });
  });

  it("maps the studio's waiting and submitting states to queued, and keeps failures' code and message", () => {
    for (const status of ["waiting", "submitting", "submit_unknown", "queued"])
      expect(toOpenAIVideo(dto({ status, archiveStatus: "none", progress: 0 })).status).toBe("queued");
    expect(
      toOpenAIVideo(dto({ status: "failed", errorCode: "moderation_blocked", errorMessage: "Blocked." })),
    ).toMatchObject({ status: "failed", error: { code: "moderation_blocked", message: "Blocked." } });
    // Unknown provider statuses stay data.
    expect(toOpenAIVideo(dto({ status: "expired", archiveStatus: "none" })).status).toBe("expired");
  });
});

describe("RateLimiter", () => {
  it("lets a token burst up to its limit, then refuses with a retry-after until it refills", () => {
    const limiter = new RateLimiter(60);
    for (let i = 0; i < 60; i++) expect(limiter.take("a", 1_000).ok).toBe(true);
    const refused = limiter.take("a", 1_000);
    expect(refused).toEqual({ ok: false, limit: 60, remaining: 0, retryAfterSeconds: 1 });
    expect(limiter.take("b", 1_000).ok).toBe(true);
    expect(limiter.take("a", 2_000).ok).toBe(true);
    expect(limiter.take("a", 2_000).ok).toBe(false);
  });
});
