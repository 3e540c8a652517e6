import { describe, expect, it } from "vitest";
import { answerJson, answerOfFailure, parseAnswer, scrubProviderText } from "@/lib/videos/provider-answer";
import { usualRunMs } from "@/lib/videos/poll-schedule";
import { isTakingLong } from "@/lib/videos/slow-job";

// The provider's last answer is kept on the task and shown to every member: no links with their
// tokens, no keys, short.

describe("provider's last answer", () => {
  it("masks signed links, keys and bearer tokens, and caps the text", () => {
    const text = scrubProviderText(
      "Download failed https://cdn.example.com/v/abc.mp4?token=SECRET123&sig=xyz (key sk-live_abcdefghijklmnop, Bearer eyJhbGciOi.abc.def)",
    );
    expect(text).toContain("https://cdn.example.com/…");
    expect(text).not.toMatch(/SECRET123|sig=|abc\.mp4|abcdefghijklmnop|eyJhbGciOi/);
    expect(scrubProviderText("x".repeat(20) + " word ".repeat(100)).length).toBeLessThanOrEqual(200);
  });

  it("stores at most 400 characters of JSON and reads it back; anything else reads as nothing", () => {
    const json = answerJson(
      answerOfFailure({
        code: "server_error",
        message: "é".repeat(500) + " \u0001\u0002".repeat(100),
        httpStatus: 502,
      }),
    );
    expect(json.length).toBeLessThanOrEqual(400);
    expect(parseAnswer(json)).toMatchObject({ status: null, httpStatus: 502, error: { code: "server_error" } });
    expect(parseAnswer("{not json")).toBeNull();
    expect(parseAnswer(null)).toBeNull();
  });
});

describe("taking longer than usual", () => {
  const task = { status: "in_progress", channel: "simulator", model: "sora-2", seconds: 4 };
  const moved = new Date("2026-12-01T10:00:00Z");

  it("is the registry's usual time for the default length, longer clips in proportion, else a default", () => {
    expect(usualRunMs("simulator", "sora-2", 4, 1)).toBe(180_000);
    expect(usualRunMs("simulator", "sora-2", 12, 1)).toBe(540_000);
    // No usualSeconds in the registry (Veo): 60 s + 20 s per second of video.
    expect(usualRunMs("simulator-veo", "veo-3.1-fast-generate-preview", 8, 1)).toBe(220_000);
    // A model the registry does not know: the same default, under half of the default hour.
    expect(usualRunMs("simulator", "no-such-model", 4, 1)).toBe(140_000);
  });

  it("flags a running job only past its usual time since it last moved; never a finished or waiting one", () => {
    const usual = usualRunMs("simulator", "sora-2", 4);
    const row = { ...task, createdAt: new Date(moved.getTime() - 3_600_000), lastProgressAt: moved };
    expect(isTakingLong(row, new Date(moved.getTime() + usual))).toBe(false);
    expect(isTakingLong(row, new Date(moved.getTime() + usual + 1))).toBe(true);
    expect(isTakingLong({ ...row, status: "completed" }, new Date(moved.getTime() + usual * 10))).toBe(false);
    expect(isTakingLong({ ...row, status: "waiting" }, new Date(moved.getTime() + usual * 10))).toBe(false);
    // Never moved: counted from the start.
    expect(
      isTakingLong({ ...row, lastProgressAt: null, createdAt: moved }, new Date(moved.getTime() + usual + 1)),
    ).toBe(true);
  });
});
