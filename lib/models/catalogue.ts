import { HOUR, IMAGE_TYPES, MEGABYTE } from "./catalog/shared";
import { estimateCents } from "./price";
import { durationsAt, sizesOf } from "./shapes";
import type { ModelSpec, Price, ReferenceRules, Resolution } from "./types";

// Live catalogues (OpenRouter's `GET /videos/models`): one published model, normalised, as it is
// cached in CatalogueModel.spec, and the registry ModelSpec the rest of the studio reads from it,
// so the form, the submit check and the price use one code path whatever the model's origin.
//
//   CatalogueEntry               the normalised published model (the JSON stored per row)
//   readCatalogueEntry(json)     a stored row's spec back, or null when unreadable
//   catalogueModelSpec(entry)    the ModelSpec (sizes, durations, frames, price), or null when unsellable
//   catalogueShape(entry, size)  the resolution and aspect ratio a "WxH" size is sent as
//   pixelsOf(resolution, ratio)  the pixels of a resolution × aspect ratio ("720p", "16:9" → 1280×720)
//   skuPrice(skus, resolutions)  the pricing SKUs in the registry's units
//
// Prices: the SKUs are US dollars as decimal strings. Per second ("per-video-second", and
// "per-video-second-<resolution>" for one resolution) becomes integer milli-cents per second,
// rounded to the nearest milli-cent ($0.0000001 of drift at most); per video ("per-video")
// becomes whole cents, rounded up. SKUs we do not know (audio surcharges, tokens…) are ignored:
// the bill (`usage.cost`) is recorded beside the estimate, so a gap shows on the spend page.

export type FrameImage = "first_frame" | "last_frame";

export type CatalogueEntry = {
  id: string;
  name: string;
  resolutions: string[];
  aspectRatios: string[];
  /** Pixel sizes the model allows, when the provider lists them; null = every resolution × ratio. */
  sizes: string[] | null;
  durations: number[];
  frameImages: FrameImage[];
  /** The model can make sound with the video (`generate_audio`). */
  audio: boolean;
  /** The model takes a `seed`. */
  seed: boolean;
  /** SKU → US dollars as the provider wrote them ("0.50"). */
  pricingSkus: Record<string, string>;
};

const SHORT_SIDE: Record<string, number> = {
  "360p": 360,
  "480p": 480,
  "540p": 540,
  "720p": 720,
  "768p": 768,
  "1080p": 1080,
  "1440p": 1440,
  "2160p": 2160,
  "4k": 2160,
};

const even = (n: number) => Math.round(n / 2) * 2;

/** "720p" × "16:9" → 1280×720 (short side from the resolution, long side to the nearest even pixel). */
export function pixelsOf(resolution: string, aspectRatio: string): { width: number; height: number } | null {
  const short = SHORT_SIDE[resolution.trim().toLowerCase()];
  const match = /^(\d+):(\d+)$/.exec(aspectRatio.trim());
  if (!short || !match) return null;
  const a = Number(match[1]);
  const b = Number(match[2]);
  if (!a || !b) return null;
  return a >= b ? { width: even((short * a) / b), height: short } : { width: short, height: even((short * b) / a) };
}

const DOLLARS = /^\d+(\.\d+)?$/;

function dollars(value: string | undefined): number | null {
  if (value === undefined || !DOLLARS.test(value.trim())) return null;
  return Number(value.trim());
}

/** The pricing SKUs as a registry price, or null when none is one we can estimate with. */
export function skuPrice(skus: Record<string, string>, resolutions: readonly string[]): Price | null {
  const rates: Record<string, number> = {};
  const base = dollars(skus["per-video-second"]);
  if (base !== null) rates["*"] = Math.round(base * 100_000);
  for (const resolution of resolutions) {
    const rate = dollars(
      skus[`per-video-second-${resolution}`] ?? skus[`per-video-second-${resolution.toLowerCase()}`],
    );
    if (rate !== null) rates[resolution] = Math.round(rate * 100_000);
  }
  if (Object.keys(rates).length > 0) return { unit: "per_second", milliCentsPerSecond: rates };
  const perVideo = dollars(skus["per-video"]);
  if (perVideo !== null) return { unit: "per_request", cents: Math.ceil(perVideo * 100 - 1e-9) };
  return null;
}

function referenceRules(frames: readonly FrameImage[]): ReferenceRules {
  if (!frames.includes("first_frame")) return { kind: "none" };
  const both = frames.includes("last_frame");
  return {
    kind: both ? "first_last_frame" : "first_frame",
    mimeTypes: IMAGE_TYPES,
    // Not published: 10 MB and any pixel size, like the other relays (a guess, docs/providers.md).
    maxBytes: 10 * MEGABYTE,
    minCount: 0,
    maxCount: both ? 2 : 1,
    mustMatchSize: false,
  };
}

function resolutionsOf(entry: CatalogueEntry): Resolution[] {
  const allowed = entry.sizes ? new Set(entry.sizes) : null;
  return entry.resolutions.flatMap((id) => {
    const pixels: Record<string, { width: number; height: number }> = {};
    for (const ratio of entry.aspectRatios) {
      const p = pixelsOf(id, ratio);
      if (p && (!allowed || allowed.has(`${p.width}x${p.height}`))) pixels[ratio] = p;
    }
    return Object.keys(pixels).length > 0 ? [{ id, pixels }] : [];
  });
}

/**
 * The registry's view of a published model: sizes from resolution × aspect ratio, its durations,
 * its frame images, its price. null when it cannot be sold (no size, no duration or no price we
 * can read): such a model is listed on the connection, never offered on Generate.
 */
export function catalogueModelSpec(entry: CatalogueEntry): ModelSpec | null {
  const resolutions = resolutionsOf(entry);
  const durations = [...new Set(entry.durations.filter((d) => Number.isInteger(d) && d > 0))].sort((a, b) => a - b);
  const price = skuPrice(entry.pricingSkus, entry.resolutions);
  if (resolutions.length === 0 || durations.length === 0 || !price) return null;
  const draft: ModelSpec = {
    id: entry.id,
    label: entry.name || entry.id,
    shapes: { kind: "resolution_aspect", resolutions },
    durations,
    defaultSize: "",
    defaultSeconds: durations[0]!,
    reference: referenceRules(entry.frameImages),
    supportsRemix: false,
    // Not published: 4000 characters, like the other relays (a guess).
    promptMaxChars: 4000,
    timeLimitSeconds: HOUR,
    price,
    billing: "on_completion",
    source: "live catalogue (GET /videos/models)",
  };
  for (const option of sizesOf(draft)) {
    const seconds = durationsAt(draft, option.size).find(
      (s) => estimateCents(draft, { size: option.size, seconds: s }).offered,
    );
    if (seconds !== undefined) return { ...draft, defaultSize: option.size, defaultSeconds: seconds };
  }
  return null;
}

/** The resolution and aspect ratio (as the provider spells them) a size of this model is sent as. */
export function catalogueShape(
  entry: CatalogueEntry,
  size: string,
): { resolution: string; aspectRatio: string } | null {
  for (const resolution of resolutionsOf(entry))
    for (const [aspectRatio, p] of Object.entries(resolution.pixels))
      if (`${p.width}x${p.height}` === size) return { resolution: resolution.id, aspectRatio };
  return null;
}

const strings = (v: unknown): string[] =>
  Array.isArray(v) ? v.filter((s): s is string => typeof s === "string" && s.length > 0) : [];

/** A stored spec (or any JSON of this shape) back to an entry; null when it is not one. */
export function readCatalogueEntry(json: string | unknown): CatalogueEntry | null {
  let value: unknown = json;
  if (typeof json === "string") {
    try {
      value = JSON.parse(json);
    } catch {
      return null;
    }
  }
  if (!value || typeof value !== "object") return null;
  const v = value as Record<string, unknown>;
  if (typeof v.id !== "string" || !v.id) return null;
  const skus: Record<string, string> = {};
  if (v.pricingSkus && typeof v.pricingSkus === "object")
    for (const [k, price] of Object.entries(v.pricingSkus as Record<string, unknown>))
      if (typeof price === "string") skus[k] = price;
  return {
    id: v.id,
    name: typeof v.name === "string" ? v.name : v.id,
    resolutions: strings(v.resolutions),
    aspectRatios: strings(v.aspectRatios),
    sizes: Array.isArray(v.sizes) ? strings(v.sizes) : null,
    durations: Array.isArray(v.durations) ? v.durations.filter((d): d is number => typeof d === "number") : [],
    frameImages: strings(v.frameImages).filter((f): f is FrameImage => f === "first_frame" || f === "last_frame"),
    audio: v.audio === true,
    seed: v.seed === true,
    pricingSkus: skus,
  };
}

/** The same entry always serialises the same way, so "changed" means changed. */
export function serialiseCatalogueEntry(entry: CatalogueEntry): string {
  const skus = Object.fromEntries(Object.entries(entry.pricingSkus).sort(([a], [b]) => a.localeCompare(b)));
  return JSON.stringify({ ...entry, pricingSkus: skus });
}
