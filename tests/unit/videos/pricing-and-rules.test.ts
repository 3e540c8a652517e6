import { describe, expect, it } from "vitest";
import { formatUsd } from "@/lib/money/format";
import { estimateCents, findModel, findPreset, PRESETS, resultRetentionSeconds, type ModelSpec } from "@/lib/models";
import { SORA_2, SORA_2_PRO } from "@/lib/models/catalog/sora";
import { archiveRetryDelayMs, nextPollDelayMs, pollDelayMs } from "@/lib/videos/poll-schedule";
import { validateVideoRequest, VideoRequestError } from "@/lib/videos/validate-video-request";

describe("prices from the registry", () => {
  // The table in ../shared/upstream/sora-videos-api.md, in integer cents.
  it.each([
    ["sora-2", "720x1280", 4, 40],
    ["sora-2", "1280x720", 8, 80],
    ["sora-2", "720x1280", 12, 120],
    ["sora-2-pro", "720x1280", 4, 120],
    ["sora-2-pro", "1280x720", 8, 240],
    ["sora-2-pro", "1280x720", 12, 360],
    ["sora-2-pro", "1024x1792", 4, 200],
    ["sora-2-pro", "1792x1024", 8, 400],
    ["sora-2-pro", "1792x1024", 12, 600],
  ])("%s · %s · %i s = %i cents on every OpenAI-dialect preset", (model, size, seconds, cents) => {
    const selling = PRESETS.filter((p) => p.dialect === "openai" && findModel(p.id, model));
    expect(selling.map((p) => p.id)).toEqual(
      expect.arrayContaining(["simulator", "openai", "apiyi-official", "custom-openai"]),
    );
    for (const preset of selling)
      expect(estimateCents(findModel(preset.id, model)!, { size, seconds })).toMatchObject({ offered: true, cents });
  });

  it("has no price for what the model does not offer", () => {
    expect(estimateCents(SORA_2, { size: "1792x1024", seconds: 4 })).toMatchObject({ offered: false });
    expect(estimateCents(SORA_2, { size: "720x1280", seconds: 10 })).toMatchObject({ offered: false });
    expect(findModel("openai", "sora-3")).toBeUndefined();
  });

  it("formats cents as dollars without floating point", () => {
    expect(formatUsd(600)).toBe("$6.00");
    expect(formatUsd(5)).toBe("$0.05");
    expect(formatUsd(123456)).toBe("$1234.56");
    expect(formatUsd(0)).toBe("$0.00");
    expect(formatUsd(-250)).toBe("-$2.50");
  });

  it("keeps API易's one day and OpenAI's hour of asset retention", () => {
    expect(resultRetentionSeconds(findPreset("apiyi-official")!, SORA_2)).toBe(86_400);
    expect(resultRetentionSeconds(findPreset("openai")!, SORA_2)).toBe(3_600);
  });
});

describe("request rules", () => {
  const ok = { model: "sora-2-pro", size: "1792x1024", seconds: 12, prompt: "  A red kite  " };
  const modelOf = (id: string): ModelSpec => (id === "sora-2" ? SORA_2 : SORA_2_PRO);
  it("accepts a valid request and trims the prompt", () => {
    expect(validateVideoRequest(SORA_2_PRO, ok).prompt).toBe("A red kite");
  });
  it.each([
    [{ model: "sora-2", size: "1792x1024" }, "size"],
    [{ seconds: 10 }, "seconds"],
    [{ prompt: "   " }, "prompt"],
    [{ prompt: "x".repeat(32_001) }, "prompt"],
    [{ referenceImage: { bytes: Buffer.alloc(10), mimeType: "image/gif", width: 1792, height: 1024 } }, "reference"],
    [{ referenceImage: { bytes: Buffer.alloc(10), mimeType: "image/png", width: 1024, height: 1792 } }, "reference"],
    [
      { referenceImage: { bytes: Buffer.alloc(11 * 1024 * 1024), mimeType: "image/png", width: 1792, height: 1024 } },
      "reference",
    ],
  ])("refuses %o on field %s", (change, field) => {
    try {
      const request = { ...ok, ...change };
      validateVideoRequest(modelOf(request.model), request);
      expect.unreachable("should have thrown");
    } catch (error) {
      expect(error).toBeInstanceOf(VideoRequestError);
      expect((error as VideoRequestError).field).toBe(field);
    }
  });
});

describe("poll schedule", () => {
  it("polls young jobs every 5 s, then 15 s, then 30 s, and honours a longer retry-after", () => {
    expect(pollDelayMs(10_000, null, 1)).toBe(5_000);
    expect(pollDelayMs(120_000, null, 1)).toBe(15_000);
    expect(pollDelayMs(600_000, null, 1)).toBe(30_000);
    expect(pollDelayMs(10_000, 20, 1)).toBe(20_000);
    // With progress: at the expected end when sooner, never under 5 s, never over the age's interval.
    expect(nextPollDelayMs(120_000, 90, 1)).toBeCloseTo(13_333.3, 1);
    expect(nextPollDelayMs(120_000, 98, 1)).toBe(5_000);
    expect(nextPollDelayMs(120_000, 20, 1)).toBe(15_000);
    expect(nextPollDelayMs(600_000, 95, 1)).toBe(30_000);
    expect(nextPollDelayMs(600_000, 97, 1)).toBeCloseTo(18_556.7, 1);
    expect(nextPollDelayMs(120_000, null, 1)).toBe(15_000);
    expect(nextPollDelayMs(120_000, 0, 1)).toBe(15_000);
    expect(pollDelayMs(600_000, 2, 1)).toBe(30_000);
    expect(pollDelayMs(10_000, null, 0.1)).toBe(500);
  });
  it("backs archive retries off exponentially up to two minutes", () => {
    expect([1, 2, 3, 4].map((n) => archiveRetryDelayMs(n, null, 1))).toEqual([2_000, 4_000, 8_000, 16_000]);
    expect(archiveRetryDelayMs(20, null, 1)).toBe(120_000);
    expect(archiveRetryDelayMs(1, 30, 1)).toBe(30_000);
  });
});
