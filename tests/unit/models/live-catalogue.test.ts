import { describe, expect, it } from "vitest";
import {
  catalogueModelSpec,
  catalogueShape,
  checkCombination,
  estimateCents,
  pixelsOf,
  readCatalogueEntry,
  serialiseCatalogueEntry,
  sizesOf,
  skuPrice,
  validChoices,
  type CatalogueEntry,
} from "@/lib/models";
import { costToCents, toCatalogueEntry, toOpenRouterJob } from "@/lib/upstream/dialects/openrouter";

// A published model (OpenRouter's /videos/models) → the registry's ModelSpec: sizes, durations,
// frames and a price in the registry's units; the adapter's job and cost readings.

const veo: CatalogueEntry = {
  id: "google/veo-3.1",
  name: "Google: Veo 3.1",
  resolutions: ["720p", "1080p"],
  aspectRatios: ["16:9", "9:16"],
  sizes: null,
  durations: [8, 4, 6],
  frameImages: ["first_frame", "last_frame"],
  audio: true,
  seed: true,
  pricingSkus: { "per-video-second": "0.50", "per-video-second-1080p": "0.75" },
};

describe("pixels of a resolution × aspect ratio", () => {
  it.each([
    ["720p", "16:9", 1280, 720],
    ["720p", "9:16", 720, 1280],
    ["1080p", "16:9", 1920, 1080],
    ["480p", "16:9", 854, 480],
    ["720p", "1:1", 720, 720],
    ["4K", "16:9", 3840, 2160],
  ])("%s %s → %dx%d", (resolution, ratio, width, height) => {
    expect(pixelsOf(resolution, ratio)).toEqual({ width, height });
  });

  it("knows nothing of unknown resolutions or ratios", () => {
    expect(pixelsOf("999p", "16:9")).toBeNull();
    expect(pixelsOf("720p", "wide")).toBeNull();
  });
});

describe("pricing SKUs in the registry's units", () => {
  it("per second, with a resolution's own SKU over the base one, in milli-cents", () => {
    expect(skuPrice(veo.pricingSkus, veo.resolutions)).toEqual({
      unit: "per_second",
      milliCentsPerSecond: { "*": 50_000, "1080p": 75_000 },
    });
  });

  it("per video, rounded up to whole cents; nothing readable is no price", () => {
    expect(skuPrice({ "per-video": "0.255" }, ["720p"])).toEqual({ unit: "per_request", cents: 26 });
    expect(skuPrice({ "per-token": "0.001" }, ["720p"])).toBeNull();
    expect(skuPrice({ "per-video-second": "abc" }, ["720p"])).toBeNull();
  });
});

describe("a catalogue entry as a model", () => {
  const model = catalogueModelSpec(veo)!;

  it("offers every resolution × ratio, sorted durations, first and last frames, and prices by tier", () => {
    expect(sizesOf(model).map((s) => s.size)).toEqual(["1280x720", "720x1280", "1920x1080", "1080x1920"]);
    expect(model.durations).toEqual([4, 6, 8]);
    expect(model.reference).toMatchObject({ kind: "first_last_frame", maxCount: 2, minCount: 0 });
    expect(estimateCents(model, { size: "1280x720", seconds: 8 })).toMatchObject({ offered: true, cents: 400 });
    expect(estimateCents(model, { size: "1920x1080", seconds: 8 })).toMatchObject({ offered: true, cents: 600 });
    expect(model.defaultSize).toBe("1280x720");
    expect(model.defaultSeconds).toBe(4);
  });

  it("refuses values outside its sets the same way as registry models", () => {
    expect(checkCombination(model, { size: "1280x720", seconds: 5 }).seconds?.key).toBe("durationNotAllowed");
    expect(checkCombination(model, { size: "720x720", seconds: 4 }).size?.key).toBe("sizeNotAllowed");
  });

  it("offers only the sizes a resolution SKU prices when there is no base SKU", () => {
    const wan = catalogueModelSpec({
      ...veo,
      id: "alibaba/wan-2.6",
      resolutions: ["480p", "720p", "1080p"],
      pricingSkus: { "per-video-second-480p": "0.05", "per-video-second-720p": "0.10" },
    })!;
    expect(validChoices(wan, {}).sizes.map((s) => s.size)).toEqual(["854x480", "480x854", "1280x720", "720x1280"]);
  });

  it("keeps only the listed pixel sizes when the provider lists them", () => {
    const listed = catalogueModelSpec({ ...veo, sizes: ["1280x720", "1920x1080"] })!;
    expect(sizesOf(listed).map((s) => s.size)).toEqual(["1280x720", "1920x1080"]);
  });

  it("cannot be sold without a price, a size or a duration", () => {
    expect(catalogueModelSpec({ ...veo, pricingSkus: {} })).toBeNull();
    expect(catalogueModelSpec({ ...veo, durations: [] })).toBeNull();
    expect(catalogueModelSpec({ ...veo, aspectRatios: ["weird"] })).toBeNull();
  });

  it("sends a size as the resolution and ratio the provider spelled", () => {
    expect(catalogueShape({ ...veo, resolutions: ["720P"] }, "720x1280")).toEqual({
      resolution: "720P",
      aspectRatio: "9:16",
    });
    expect(catalogueShape(veo, "640x480")).toBeNull();
  });

  it("round-trips through its stored JSON, and serialises the same entry the same way", () => {
    const stored = serialiseCatalogueEntry(veo);
    expect(readCatalogueEntry(stored)).toEqual(veo);
    const reordered = { ...veo, pricingSkus: { "per-video-second-1080p": "0.75", "per-video-second": "0.50" } };
    expect(serialiseCatalogueEntry(reordered)).toBe(stored);
    expect(readCatalogueEntry("{not json")).toBeNull();
  });
});

describe("OpenRouter's answers", () => {
  it("reads a published model", () => {
    expect(
      toCatalogueEntry({
        id: "google/veo-3.1",
        name: "Google: Veo 3.1",
        supported_resolutions: ["720p"],
        supported_aspect_ratios: ["16:9"],
        supported_sizes: null,
        supported_durations: [4, 8, 8.5],
        supported_frame_images: ["first_frame", "middle_frame"],
        generate_audio: true,
        seed: null,
        pricing_skus: { "per-video-second": "0.40" },
      }),
    ).toEqual({
      id: "google/veo-3.1",
      name: "Google: Veo 3.1",
      resolutions: ["720p"],
      aspectRatios: ["16:9"],
      sizes: null,
      durations: [4, 8],
      frameImages: ["first_frame"],
      audio: true,
      seed: false,
      pricingSkus: { "per-video-second": "0.40" },
    });
  });

  it.each([
    [0.29, 29],
    [0.405, 41],
    [0.1 + 0.2, 30],
    [0, 0],
    ["1.20", 120],
    [-1, null],
    ["free", null],
  ])("usage.cost %s → %s cents (rounded up once, float noise dropped)", (cost, cents) => {
    expect(costToCents(cost)).toBe(cents);
  });

  it("maps statuses, string errors, urls[] and the bill", () => {
    expect(toOpenRouterJob({ id: "v1", status: "pending" })).toMatchObject({ status: "queued", error: null });
    const done = toOpenRouterJob({
      id: "v1",
      status: "completed",
      urls: ["https://openrouter.ai/api/v1/videos/v1/content?index=0"],
      usage: { cost: 0.5 },
    });
    expect(done).toMatchObject({ status: "completed", progress: 100, billedCents: 50 });
    // Fetched from /content?index=0 on the connection's own base URL, whatever host urls[] names.
    expect(done.result).toEqual({ kind: "content", variants: ["video"] });
    expect(toOpenRouterJob({ id: "v1", status: "failed", error: "Content policy violation" }).error).toEqual({
      code: "content_policy_violation",
      message: "Content policy violation",
    });
    expect(toOpenRouterJob({ id: "v1", status: "cancelled" })).toMatchObject({
      status: "cancelled",
      error: { code: "cancelled" },
    });
    expect(toOpenRouterJob({ id: "v1", status: "expired" }).status).toBe("expired");
    expect(() => toOpenRouterJob({ status: "pending" })).toThrow();
  });
});
