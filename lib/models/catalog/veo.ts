import type { ModelSpec, ReferenceRules } from "../types";
import { IMAGE_TYPES, LANDSCAPE_720, MEGABYTE, MINUTE, PORTRAIT_720, size } from "./shared";

// Google Veo 3.1 as API易 sells it on /v1/videos: the official routes (per request, any length)
// and the reverse routes (per clip, always 8 s, orientation fixed by the model id).
// Source: ../shared/upstream/relay-dialects.md ("API易 Veo 3.1 official" and "reverse").

/** 1080p and 4k only 8 s; 720p 4, 6 or 8 s. */
const ONLY_8 = [8] as const;
const VEO_SIZES = [
  PORTRAIT_720,
  LANDSCAPE_720,
  size(1080, 1920, "1080p", { durations: ONLY_8 }),
  size(1920, 1080, "1080p", { durations: ONLY_8 }),
  size(2160, 3840, "4k", { durations: ONLY_8 }),
  size(3840, 2160, "4k", { durations: ONLY_8 }),
];

/** One multipart `input_reference` (jpeg/png/webp, no URL). Size limit and matching: guesses. */
const VEO_FIRST_FRAME: ReferenceRules = {
  kind: "first_frame",
  mimeTypes: IMAGE_TYPES,
  maxBytes: 10 * MEGABYTE,
  minCount: 0,
  maxCount: 1,
  mustMatchSize: false,
};

const OFFICIAL_SOURCE =
  "relay-dialects.md: ids, sizes, seconds 4/6/8 (default 8), 1080p/4k only 8, one jpeg/png/webp reference, " +
  "per-request price billed only when completed, 60-120 s (4k 5-6 min); guesses: 10 MB limit, no size match, " +
  "prompt limit, retention (undocumented: API易's day)";

function official(id: string, label: string, cents: number): ModelSpec {
  return {
    id,
    label,
    shapes: { kind: "sizes", sizes: VEO_SIZES },
    durations: [4, 6, 8],
    defaultSize: "1280x720",
    defaultSeconds: 8,
    reference: VEO_FIRST_FRAME,
    supportsRemix: false,
    promptMaxChars: 4000,
    timeLimitSeconds: 30 * MINUTE,
    price: { unit: "per_request", cents },
    billing: "on_completion",
    source: OFFICIAL_SOURCE,
  };
}

export const VEO_31_FAST_OFFICIAL = official("veo-3.1-fast-generate-preview", "Veo 3.1 Fast", 30);
export const VEO_31_OFFICIAL = official("veo-3.1-generate-preview", "Veo 3.1", 120);

const REVERSE_SOURCE =
  "relay-dialects.md: ids, always 8 s, orientation by id, $0.25 per clip ($0.15 fast), -fl = first/last frame; " +
  "guesses: billed on completion like API易's other routes, plain ids take no image, -fl needs one or two, " +
  "formats and 10 MB, prompt limit";

type ReverseVariant = { fast: boolean; landscape: boolean; frames: boolean };

function reverse({ fast, landscape, frames }: ReverseVariant): ModelSpec {
  const id = `veo-3.1${landscape ? "-landscape" : ""}${fast ? "-fast" : ""}${frames ? "-fl" : ""}`;
  const shape = landscape ? LANDSCAPE_720 : PORTRAIT_720;
  const words = [landscape ? "landscape" : "portrait", fast ? "fast" : null, frames ? "first/last frame" : null];
  return {
    id,
    label: `Veo 3.1 reverse (${words.filter(Boolean).join(", ")})`,
    shapes: { kind: "sizes", sizes: [shape] },
    durations: [8],
    defaultSize: shape.size,
    defaultSeconds: 8,
    reference: frames
      ? {
          kind: "first_last_frame",
          mimeTypes: IMAGE_TYPES,
          maxBytes: 10 * MEGABYTE,
          minCount: 1,
          maxCount: 2,
          mustMatchSize: false,
        }
      : { kind: "none" },
    supportsRemix: false,
    promptMaxChars: 4000,
    timeLimitSeconds: 30 * MINUTE,
    price: { unit: "per_clip", tiers: [{ maxSeconds: 8, cents: fast ? 15 : 25 }] },
    billing: "on_completion",
    source: REVERSE_SOURCE,
  };
}

export const VEO_31_REVERSE_MODELS: readonly ModelSpec[] = [false, true].flatMap((frames) =>
  [false, true].flatMap((landscape) => [false, true].map((fast) => reverse({ fast, landscape, frames }))),
);

export const VEO_MODELS: readonly ModelSpec[] = [VEO_31_FAST_OFFICIAL, VEO_31_OFFICIAL, ...VEO_31_REVERSE_MODELS];
