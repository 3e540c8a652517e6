import { describe, expect, it } from "vitest";
import { modelsOf } from "@/lib/models";
import { SORA_2 } from "@/lib/models/catalog/sora";
import {
  checkReferenceImage,
  checkVideoForm,
  findOfferedSize,
  prefillFromSearch,
  type ConnectionOffer,
} from "@/lib/videos/form-rules";
import { durationParts } from "@/components/videos/duration-parts";

const offers: ConnectionOffer[] = [
  { id: "sim", name: "Simulator", preset: "simulator", models: [...modelsOf("simulator")], prices: {} },
  { id: "veo", name: "Veo", preset: "simulator-veo", models: [...modelsOf("simulator-veo")], prices: {} },
];
const sim = (values: { model: string; size: string; seconds: number; prompt: string }) => ({
  connectionId: "sim",
  ...values,
});

describe("the Generate form's rules come from the registry", () => {
  it("accept a valid request", () => {
    expect(
      checkVideoForm(offers, sim({ model: "sora-2-pro", size: "1792x1024", seconds: 12, prompt: "A fox" })),
    ).toEqual({});
  });

  it("report every failing field at once", () => {
    const problems = checkVideoForm(offers, sim({ model: "sora-2", size: "1792x1024", seconds: 10, prompt: "   " }));
    expect(Object.keys(problems).sort()).toEqual(["prompt", "seconds", "size"]);
    expect(problems.size).toEqual({ key: "sizeNotAllowed", params: { model: "sora-2", sizes: "720x1280, 1280x720" } });
    expect(checkVideoForm(offers, sim({ model: "sora-3", size: "720x1280", seconds: 4, prompt: "x" })).model?.key).toBe(
      "unknownModel",
    );
    expect(
      checkVideoForm(offers, sim({ model: "sora-2", size: "720x1280", seconds: 4, prompt: "x".repeat(32_001) })).prompt
        ?.key,
    ).toBe("promptTooLong");
    // A model of another connection is not offered on this one, and an unknown connection is named.
    expect(
      checkVideoForm(offers, sim({ model: "veo-3.1-generate-preview", size: "1280x720", seconds: 8, prompt: "x" }))
        .model?.key,
    ).toBe("unknownModel");
    expect(
      checkVideoForm(offers, { connectionId: "gone", model: "sora-2", size: "720x1280", seconds: 4, prompt: "x" })
        .connection?.key,
    ).toBe("unknownConnection");
  });

  it("check a reference image's real type, bytes and pixels", () => {
    const size = "1280x720";
    expect(
      checkReferenceImage(SORA_2, size, { mimeType: "image/png", bytes: 1000, width: 1280, height: 720 }),
    ).toBeNull();
    expect(
      checkReferenceImage(SORA_2, size, { mimeType: "image/gif", bytes: 1000, width: 1280, height: 720 })?.key,
    ).toBe("referenceType");
    expect(
      checkReferenceImage(SORA_2, size, { mimeType: "image/png", bytes: 11 * 1024 * 1024, width: 1280, height: 720 })
        ?.key,
    ).toBe("referenceTooLarge");
    expect(checkReferenceImage(SORA_2, size, { mimeType: "image/png", bytes: 1000, width: 800, height: 600 })).toEqual({
      key: "referenceSizeMismatch",
      params: { width: 800, height: 600, required: "1280x720", image: 1 },
    });
  });

  it("prefill from a URL only what the registry allows", () => {
    const get = (q: string) => (key: string) => new URLSearchParams(q).get(key) ?? undefined;
    expect(prefillFromSearch(offers, get("model=sora-2-pro&size=1792x1024&seconds=12&prompt=Hi"))).toEqual({
      connectionId: "sim",
      model: "sora-2-pro",
      size: "1792x1024",
      seconds: 12,
      prompt: "Hi",
    });
    expect(prefillFromSearch(offers, get("model=sora-2&size=1792x1024&seconds=7"))).toEqual({
      connectionId: "sim",
      model: "sora-2",
      size: "720x1280",
      seconds: 8,
      prompt: "",
    });
    expect(prefillFromSearch(offers, get(""))).toMatchObject({ connectionId: "sim", model: "sora-2" });
    expect(
      prefillFromSearch(offers, get("connection=veo&model=veo-3.1-generate-preview&size=1920x1080&seconds=4")),
    ).toEqual({
      connectionId: "veo",
      model: "veo-3.1-generate-preview",
      size: "1920x1080",
      seconds: 8,
      prompt: "",
    });
    expect(findOfferedSize(offers, "1024x1792")).toMatchObject({ width: 1024, height: 1792 });
  });
});

describe("countdowns show the two largest units", () => {
  it.each([
    [0, { unit: "seconds", s: 0 }],
    [-5000, { unit: "seconds", s: 0 }],
    [59_999, { unit: "seconds", s: 59 }],
    [250_000, { unit: "minutes", m: 4, s: 10 }],
    [86_399_000, { unit: "hours", h: 23, m: 59 }],
    [3 * 86_400_000 + 7_200_000, { unit: "days", d: 3, h: 2 }],
  ])("%d ms", (ms, parts) => {
    expect(durationParts(ms)).toEqual(parts);
  });
});
