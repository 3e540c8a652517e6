import { describe, expect, it } from "vitest";
import {
  PRESETS,
  PRESET_IDS,
  canRemix,
  checkCombination,
  defaultsFor,
  durationsAt,
  estimateCents,
  findModel,
  findPreset,
  isPresetId,
  resultRetentionSeconds,
  sizesOf,
  validChoices,
  type ModelSpec,
  type Price,
  type PresetSpec,
} from "@/lib/models";

const presets = PRESETS as readonly PresetSpec[];
const everyModel = presets.flatMap((preset) => preset.models.map((model) => [preset.id, model.id, model] as const));

function amounts(price: Price): number[] {
  switch (price.unit) {
    case "per_request":
      return [price.cents];
    case "per_clip":
      return price.tiers.flatMap((t) => [t.cents, t.maxSeconds]);
    case "per_second":
      return Object.values(price.milliCentsPerSecond);
  }
}

describe("every preset's every model", () => {
  it.each(everyModel)("%s · %s has a valid, priced default", (_preset, _model, model) => {
    const defaults = defaultsFor(model);
    // A first/last-frame-only model also needs its images; any image passes where size need not match.
    const needed = model.reference.kind === "none" ? 0 : model.reference.minCount;
    const option = sizesOf(model).find((s) => s.size === defaults.size)!;
    const image = { mimeType: "image/jpeg", bytes: 1000, width: option.width, height: option.height };
    expect(checkCombination(model, { ...defaults, referenceImages: Array(needed).fill(image) })).toEqual({});
    const estimate = estimateCents(model, defaults);
    expect(estimate.offered).toBe(true);
    if (estimate.offered) expect(estimate.cents).toBeGreaterThan(0);
  });

  it.each(everyModel)("%s · %s prices every valid combination in whole cents", (_preset, _model, model) => {
    for (const amount of amounts(model.price)) expect(Number.isSafeInteger(amount) && amount > 0).toBe(true);
    let combinations = 0;
    for (const { size } of sizesOf(model)) {
      for (const seconds of durationsAt(model, size)) {
        const estimate = estimateCents(model, { size, seconds });
        expect(estimate, `${size} ${seconds}s`).toMatchObject({ offered: true });
        if (estimate.offered) expect(Number.isInteger(estimate.cents)).toBe(true);
        combinations++;
      }
    }
    expect(combinations).toBeGreaterThan(0);
  });

  it.each(everyModel)("%s · %s: the form is only ever offered valid, priced combinations", (_p, _m, model) => {
    const wishes = [{}, { size: "1x1", seconds: 999 }, { seconds: 1 }, { seconds: 8 }];
    for (const option of sizesOf(model)) wishes.push({ size: option.size, seconds: 4 });
    for (const wish of wishes) {
      const choices = validChoices(model, wish);
      expect(choices.sizes.length).toBeGreaterThan(0);
      expect(choices.durations).toContain(choices.seconds);
      for (const { size } of choices.sizes) {
        for (const seconds of validChoices(model, { size }).durations) {
          const { size: sizeProblem, seconds: secondsProblem } = checkCombination(model, { size, seconds });
          expect([sizeProblem, secondsProblem], `${size} ${seconds}s`).toEqual([undefined, undefined]);
          expect(estimateCents(model, { size, seconds }).offered).toBe(true);
        }
      }
    }
  });

  it.each(everyModel)("%s · %s has unique sizes and sane limits", (_preset, _model, model) => {
    const sizes = sizesOf(model).map((s) => s.size);
    expect(new Set(sizes).size).toBe(sizes.length);
    for (const s of sizesOf(model)) expect(s.size).toBe(`${s.width}x${s.height}`);
    expect(Number.isInteger(model.promptMaxChars) && model.promptMaxChars > 0).toBe(true);
    expect(Number.isInteger(model.timeLimitSeconds) && model.timeLimitSeconds >= 10 * 60).toBe(true);
    expect(model.source.length).toBeGreaterThan(20);
  });
});

describe("presets", () => {
  it("have unique ids, unique model ids within each, and at least the kinds the issue asks for", () => {
    expect(new Set(PRESET_IDS).size).toBe(PRESET_IDS.length);
    for (const preset of presets) {
      const ids = preset.models.map((m) => m.id);
      expect(new Set(ids).size, preset.id).toBe(ids.length);
    }
    expect([...PRESET_IDS].sort()).toEqual(
      [
        "simulator",
        "simulator-yi-reverse",
        "simulator-relay",
        "simulator-veo",
        "openai",
        "apiyi-official",
        "apiyi-reverse",
        "apiyi-veo",
        "apiyi-oxygen",
        "laozhang-muse",
        "custom-openai",
        "custom-relay",
        "simulator-openrouter",
        "openrouter",
      ].sort(),
    );
  });

  it("name their dialect, and only built-in simulators and custom relays lack a base URL", () => {
    const dialects = Object.fromEntries(presets.map((p) => [p.id, p.dialect]));
    expect(dialects).toMatchObject({
      simulator: "openai",
      openai: "openai",
      "apiyi-official": "openai",
      "custom-openai": "openai",
      "apiyi-reverse": "yi-reverse",
      "simulator-yi-reverse": "yi-reverse",
      "apiyi-veo": "veo",
      "simulator-veo": "veo",
      "apiyi-oxygen": "relay",
      "laozhang-muse": "relay",
      "custom-relay": "relay",
      "simulator-relay": "relay",
    });
    for (const preset of presets) {
      const needsUrl = preset.simulatorProfile === null && !preset.id.startsWith("custom-");
      expect(preset.defaultBaseUrl !== null, preset.id).toBe(needsUrl);
      expect(preset.label.en && preset.label.zh, preset.id).toBeTruthy();
    }
  });

  it("give each simulator profile a preset with the same models as its real counterpart", () => {
    const ids = (id: string) => findPreset(id)!.models.map((m) => m.id);
    expect(findPreset("simulator")!.simulatorProfile).toBe("openai");
    expect(ids("simulator")).toEqual(ids("openai"));
    expect(ids("simulator-yi-reverse")).toEqual(ids("apiyi-reverse"));
    expect(ids("simulator-veo")).toEqual(ids("apiyi-veo"));
    expect(ids("simulator-relay")).toEqual([...ids("laozhang-muse"), ...ids("apiyi-oxygen")]);
    for (const profile of ["openai", "yi-reverse", "relay", "veo"]) {
      expect(presets.filter((p) => p.simulatorProfile === profile).map((p) => p.dialect)).toEqual([profile]);
    }
  });

  it("keep results as long as each provider says", () => {
    const retention = (presetId: string, modelId: string) =>
      resultRetentionSeconds(findPreset(presetId)!, findModel(presetId, modelId)!);
    expect(retention("openai", "sora-2")).toBe(3600);
    expect(retention("apiyi-official", "sora-2")).toBe(86_400);
    expect(retention("apiyi-reverse", "sora-2")).toBe(86_400);
    expect(retention("laozhang-muse", "muse-video-60s")).toBe(7 * 86_400);
  });

  it("allow remix only where the connection and the model both have it", () => {
    const remix = (presetId: string, modelId: string) => canRemix(findPreset(presetId)!, findModel(presetId, modelId)!);
    expect(remix("apiyi-official", "sora-2")).toBe(true);
    expect(remix("custom-relay", "sora-2-pro")).toBe(true);
    expect(remix("apiyi-reverse", "sora-2")).toBe(false);
    expect(remix("laozhang-muse", "muse-video")).toBe(false);
    expect(remix("apiyi-veo", "veo-3.1-generate-preview")).toBe(false);
  });

  it("say OpenAI shut down, and recognise only their own ids", () => {
    expect(findPreset("openai")!.noticeKey).toBe("providers.notices.openaiShutDown");
    expect(isPresetId("apiyi-veo")).toBe(true);
    expect(isPresetId("apiyi")).toBe(false);
    expect(isPresetId(undefined)).toBe(false);
    expect(findModel("nope", "sora-2")).toBeUndefined();
    expect(findModel("openai", "veo-3.1")).toBeUndefined();
  });
});

describe("Sora 2 prices equal the registry before presets (lib/videos/model-registry.ts, removed)", () => {
  // The values that file held: sizes, durations, defaults, limits and cents per second.
  const before = [
    { id: "sora-2", sizes: { "720x1280": 10, "1280x720": 10 }, limit: 45 * 60 },
    { id: "sora-2-pro", sizes: { "720x1280": 30, "1280x720": 30, "1024x1792": 50, "1792x1024": 50 }, limit: 90 * 60 },
  ];
  it.each(["simulator", "openai", "apiyi-official", "custom-openai", "custom-relay"])("on %s", (presetId) => {
    for (const old of before) {
      const model = findModel(presetId, old.id) as ModelSpec;
      expect(model, old.id).toBeDefined();
      expect(sizesOf(model).map((s) => s.size)).toEqual(Object.keys(old.sizes));
      expect(durationsAt(model)).toEqual([4, 8, 12]);
      expect(defaultsFor(model)).toEqual({ size: "720x1280", seconds: 4 });
      expect(model.timeLimitSeconds).toBe(old.limit);
      expect(model.promptMaxChars).toBe(32_000);
      for (const [size, centsPerSecond] of Object.entries(old.sizes)) {
        for (const seconds of [4, 8, 12]) {
          expect(estimateCents(model, { size, seconds })).toMatchObject({
            offered: true,
            cents: centsPerSecond * seconds,
            unit: "per_second",
            billing: "on_completion",
          });
        }
      }
    }
  });
});
