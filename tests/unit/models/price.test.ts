import { describe, expect, it } from "vitest";
import {
  billingTiming,
  checkPrice,
  describePrice,
  estimateCents,
  findModel,
  type ModelSpec,
  type PriceOverride,
} from "@/lib/models";

const model = (presetId: string, modelId: string) => {
  const found = findModel(presetId, modelId);
  if (!found) throw new Error(`${presetId} has no ${modelId}`);
  return found;
};
const cents = (m: ModelSpec, size: string, seconds: number, override?: PriceOverride) => {
  const estimate = estimateCents(m, { size, seconds }, override);
  return estimate.offered ? estimate.cents : estimate.reason;
};

describe("per second, by size tier", () => {
  it("charges sora-2-pro 30 ¢/s at 720p and 50 ¢/s at 1024p", () => {
    const pro = model("openai", "sora-2-pro");
    expect(cents(pro, "1280x720", 12)).toBe(360);
    expect(cents(pro, "1024x1792", 8)).toBe(400);
  });

  it("charges Oxygen 2 ¢/s at any resolution, over its whole 4–15 s range", () => {
    const oxygen = model("apiyi-oxygen", "oxygen-1.0");
    expect(cents(oxygen, "854x480", 4)).toBe(8);
    expect(cents(oxygen, "1376x768", 5)).toBe(10);
    expect(cents(oxygen, "768x768", 15)).toBe(30);
    expect(estimateCents(oxygen, { size: "768x1376", seconds: 7 })).toMatchObject({ unit: "per_second" });
  });
});

describe("per request and per clip", () => {
  it("charges Veo 3.1 official the same whatever the length or size", () => {
    const fast = model("apiyi-veo", "veo-3.1-fast-generate-preview");
    const standard = model("apiyi-veo", "veo-3.1-generate-preview");
    expect([cents(fast, "720x1280", 4), cents(fast, "3840x2160", 8)]).toEqual([30, 30]);
    expect([cents(standard, "1280x720", 6), cents(standard, "1920x1080", 8)]).toEqual([120, 120]);
    expect(estimateCents(fast, { size: "720x1280", seconds: 4 })).toMatchObject({ unit: "per_request" });
  });

  it("charges reverse Veo 25 ¢ a clip, 15 ¢ for the fast ones", () => {
    expect(cents(model("apiyi-veo", "veo-3.1"), "720x1280", 8)).toBe(25);
    expect(cents(model("apiyi-veo", "veo-3.1-landscape-fast"), "1280x720", 8)).toBe(15);
    expect(cents(model("apiyi-veo", "veo-3.1-landscape-fast-fl"), "1280x720", 8)).toBe(15);
    expect(cents(model("apiyi-veo", "veo-3.1-fl"), "720x1280", 8)).toBe(25);
  });

  it("charges 官逆 per clip by duration tier: 15 ¢ for 10 s, 25 ¢ for 15 s", () => {
    const reverse = model("apiyi-reverse", "sora-2");
    expect(cents(reverse, "1280x720", 10)).toBe(15);
    expect(cents(reverse, "720x1280", 15)).toBe(25);
    expect(estimateCents(reverse, { size: "720x1280", seconds: 15 })).toMatchObject({ unit: "per_clip" });
  });

  it.each([
    ["muse-video", 5, 30],
    ["muse-video", 8, 30],
    ["muse-video", 10, 30],
    ["muse-video-20s", 20, 55],
    ["muse-video-30s", 30, 80],
    ["muse-video-40s", 40, 105],
    ["muse-video-50s", 50, 130],
    ["muse-video-60s", 60, 155],
  ])("charges Muse %s at %i s %i ¢ a video", (id, seconds, expected) => {
    expect(cents(model("laozhang-muse", id), "1280x720", seconds)).toBe(expected);
  });
});

describe("not offered", () => {
  it("names why: unknown size, unknown seconds, a pair the model forbids", () => {
    const veo = model("apiyi-veo", "veo-3.1-generate-preview");
    expect(estimateCents(veo, { size: "1792x1024", seconds: 8 })).toEqual({ offered: false, reason: "size" });
    expect(estimateCents(veo, { size: "1280x720", seconds: 5 })).toEqual({ offered: false, reason: "seconds" });
    expect(estimateCents(veo, { size: "1920x1080", seconds: 4 })).toEqual({ offered: false, reason: "combination" });
    expect(cents(model("openai", "sora-2"), "1024x1792", 4)).toBe("size");
    expect(cents(model("apiyi-oxygen", "oxygen-1.0"), "1376x768", 16)).toBe("seconds");
    expect(cents(model("apiyi-oxygen", "oxygen-1.0"), "1376x768", 4.5)).toBe("seconds");
  });
});

describe("billing timing", () => {
  it.each([
    ["openai", "sora-2", "on_completion"],
    ["apiyi-reverse", "sora-2", "on_completion"],
    ["apiyi-veo", "veo-3.1-generate-preview", "on_completion"],
    ["apiyi-veo", "veo-3.1-fast", "on_completion"],
    ["apiyi-oxygen", "oxygen-1.0", "at_create_refund_on_failure"],
    ["laozhang-muse", "muse-video", "at_create_refund_on_failure"],
    ["laozhang-muse", "muse-video-60s", "at_create_refund_on_failure"],
  ])("%s · %s is billed %s", (presetId, modelId, timing) => {
    const m = model(presetId, modelId);
    expect(billingTiming(m)).toBe(timing);
    expect(estimateCents(m, { size: m.defaultSize, seconds: m.defaultSeconds })).toMatchObject({ billing: timing });
  });
});

describe("admin overrides", () => {
  const sora = model("apiyi-official", "sora-2");
  const reverse = model("apiyi-reverse", "sora-2");

  it("replace the catalogue price, in any unit, and say so", () => {
    const perCall: PriceOverride = { modelId: "sora-2", price: { unit: "per_request", cents: 12 } };
    expect(estimateCents(reverse, { size: "720x1280", seconds: 15 }, perCall)).toEqual({
      offered: true,
      cents: 12,
      unit: "per_request",
      billing: "on_completion",
      overridden: true,
    });
    expect(estimateCents(reverse, { size: "720x1280", seconds: 15 })).toMatchObject({ cents: 25, overridden: false });
    const cheaper: PriceOverride = {
      modelId: "sora-2",
      price: { unit: "per_second", milliCentsPerSecond: { "*": 8_000 } },
    };
    expect(cents(sora, "1280x720", 12, cheaper)).toBe(96);
  });

  it("round a fractional-cent rate up once, at the end", () => {
    const rate: PriceOverride = {
      modelId: "sora-2",
      price: { unit: "per_second", milliCentsPerSecond: { "720p": 2_500 } },
    };
    expect(cents(sora, "720x1280", 4, rate)).toBe(10);
    expect(
      cents(model("apiyi-oxygen", "oxygen-1.0"), "854x480", 5, {
        modelId: "oxygen-1.0",
        price: { unit: "per_second", milliCentsPerSecond: { "*": 2_001 } },
      }),
    ).toBe(11);
  });

  it("never price what the model does not offer, nor what the override leaves out", () => {
    const perCall: PriceOverride = { modelId: "sora-2", price: { unit: "per_request", cents: 12 } };
    expect(cents(sora, "1024x1792", 4, perCall)).toBe("size");
    const onlyTen: PriceOverride = {
      modelId: "sora-2",
      price: { unit: "per_clip", tiers: [{ maxSeconds: 10, cents: 12 }] },
    };
    expect(cents(reverse, "720x1280", 15, onlyTen)).toBe("no_price");
    const otherTier: PriceOverride = {
      modelId: "sora-2-pro",
      price: { unit: "per_second", milliCentsPerSecond: { "1024p": 1 } },
    };
    expect(cents(model("openai", "sora-2-pro"), "720x1280", 4, otherTier)).toBe("no_price");
  });

  it("apply only to their own model", () => {
    const forPro: PriceOverride = { modelId: "sora-2-pro", price: { unit: "per_request", cents: 1 } };
    expect(estimateCents(sora, { size: "720x1280", seconds: 4 }, forPro)).toMatchObject({
      cents: 40,
      overridden: false,
    });
  });

  it("are checked before they are stored: units, whole non-negative amounts, tiers in order", () => {
    expect(checkPrice({ unit: "per_request", cents: 12 })).toEqual({
      ok: true,
      price: { unit: "per_request", cents: 12 },
    });
    expect(checkPrice({ unit: "per_request", cents: 0.5 })).toMatchObject({
      ok: false,
      problem: { key: "priceAmount" },
    });
    expect(checkPrice({ unit: "per_request", cents: -1 })).toMatchObject({
      ok: false,
      problem: { key: "priceAmount" },
    });
    expect(checkPrice({ unit: "per_token", cents: 1 })).toMatchObject({ ok: false, problem: { key: "priceUnit" } });
    expect(checkPrice(null)).toMatchObject({ ok: false, problem: { key: "priceMissing" } });
    const tiers = (t: unknown) => checkPrice({ unit: "per_clip", tiers: t });
    expect(
      tiers([
        { maxSeconds: 10, cents: 15 },
        { maxSeconds: 15, cents: 25 },
      ]),
    ).toMatchObject({ ok: true });
    expect(
      tiers([
        { maxSeconds: 15, cents: 25 },
        { maxSeconds: 10, cents: 15 },
      ]),
    ).toMatchObject({
      ok: false,
      problem: { key: "priceTierOrder" },
    });
    expect(tiers([])).toMatchObject({ ok: false, problem: { key: "priceTiersMissing" } });
    expect(checkPrice({ unit: "per_second", milliCentsPerSecond: { "720p": 2_500, extra: "x" } })).toMatchObject({
      ok: false,
      problem: { key: "priceAmount" },
    });
    expect(checkPrice({ unit: "per_second", milliCentsPerSecond: { "*": 2_000 }, junk: 1 })).toEqual({
      ok: true,
      price: { unit: "per_second", milliCentsPerSecond: { "*": 2_000 } },
    });
  });
});

describe("describePrice: data in the provider's own unit", () => {
  it("lists per-second tiers with their sizes", () => {
    expect(describePrice(model("openai", "sora-2-pro"))).toEqual({
      unit: "per_second",
      overridden: false,
      billing: "on_completion",
      tiers: [
        { tier: "720p", sizes: ["720x1280", "1280x720"], milliCentsPerSecond: 30_000 },
        { tier: "1024p", sizes: ["1024x1792", "1792x1024"], milliCentsPerSecond: 50_000 },
      ],
    });
    const oxygen = describePrice(model("apiyi-oxygen", "oxygen-1.0"));
    expect(oxygen).toMatchObject({ unit: "per_second", billing: "at_create_refund_on_failure" });
    if (oxygen.unit === "per_second")
      expect(oxygen.tiers.map((t) => [t.tier, t.milliCentsPerSecond])).toEqual([
        ["480p", 2_000],
        ["768p", 2_000],
      ]);
  });

  it("gives one amount per request, and per-clip tiers with the seconds they cover", () => {
    expect(describePrice(model("apiyi-veo", "veo-3.1-generate-preview"))).toEqual({
      unit: "per_request",
      cents: 120,
      overridden: false,
      billing: "on_completion",
    });
    expect(describePrice(model("apiyi-reverse", "sora-2"))).toMatchObject({
      unit: "per_clip",
      tiers: [
        { maxSeconds: 10, cents: 15, seconds: [10] },
        { maxSeconds: 15, cents: 25, seconds: [15] },
      ],
    });
    expect(describePrice(model("laozhang-muse", "muse-video"))).toMatchObject({
      unit: "per_clip",
      billing: "at_create_refund_on_failure",
      tiers: [{ maxSeconds: 10, cents: 30, seconds: [5, 8, 10] }],
    });
  });

  it("describes an override as such", () => {
    const override: PriceOverride = { modelId: "sora-2", price: { unit: "per_request", cents: 12 } };
    expect(describePrice(model("apiyi-reverse", "sora-2"), override)).toEqual({
      unit: "per_request",
      cents: 12,
      overridden: true,
      billing: "on_completion",
    });
  });
});
