import type { ModelSpec, ReferenceRules } from "../types";
import { IMAGE_TYPES, LANDSCAPE_720, MEGABYTE, MINUTE, PORTRAIT_720 } from "./shared";

// Models sold behind relaxed /v1/videos relays (the `relay` dialect): API易's Oxygen and
// LaoZhang's Muse. Sources: ../shared/upstream/relay-dialects.md and the providers' docs
// (docs.apiyi.com Oxygen overview and 2026-10-14 notice; docs.laozhang.ai Muse page and the
// 2026-10-30 and 2026-11-02 announcements), quoted in docs/providers.md.

/** First and last frame, both optional; used as a guide, not pixel-matched. Limits are guesses. */
const FIRST_LAST_FRAME: ReferenceRules = {
  kind: "first_last_frame",
  mimeTypes: IMAGE_TYPES,
  maxBytes: 10 * MEGABYTE,
  minCount: 0,
  maxCount: 2,
  mustMatchSize: false,
};

/**
 * Oxygen 1.0 (AZ8) at API易: any whole second from 4 to 15, 480p or 768p in 16:9, 9:16 or 1:1
 * (320p retired 2026-10-14), $0.02 per second whatever the resolution, debited when the task is
 * accepted and refunded in full if it fails. 768p pixels are published (1376×768, 768×1376,
 * 768×768); the 480p pixels are not: 854×480 / 480×854 / 480×480 are our guess.
 */
export const OXYGEN_1: ModelSpec = {
  id: "oxygen-1.0",
  label: "Oxygen 1.0",
  shapes: {
    kind: "resolution_aspect",
    resolutions: [
      {
        id: "480p",
        pixels: {
          "16:9": { width: 854, height: 480 },
          "9:16": { width: 480, height: 854 },
          "1:1": { width: 480, height: 480 },
        },
      },
      {
        id: "768p",
        pixels: {
          "16:9": { width: 1376, height: 768 },
          "9:16": { width: 768, height: 1376 },
          "1:1": { width: 768, height: 768 },
        },
      },
    ],
  },
  durations: { min: 4, max: 15, step: 1 },
  defaultSize: "768x1376",
  defaultSeconds: 5,
  reference: FIRST_LAST_FRAME,
  supportsRemix: false,
  promptMaxChars: 4000,
  timeLimitSeconds: 30 * MINUTE,
  price: { unit: "per_second", milliCentsPerSecond: { "*": 2_000 } },
  billing: "at_create_refund_on_failure",
  source:
    "docs.apiyi.com Oxygen overview (4-15 s, $0.02/s any resolution, billed on the requested seconds, debited at " +
    "acceptance, refunded on failure) and 2026-10-14 notice (480p/768p, 768p pixels); guesses: 480p pixels, " +
    "reference limits, prompt limit, time limit",
};

/** Muse at LaoZhang: `muse-video` 5/8/10 s, then one model per length; 16:9 and 9:16 only (guess). */
function muse(id: string, durations: readonly number[], cents: number): ModelSpec {
  const longest = Math.max(...durations);
  return {
    id,
    label: id === "muse-video" ? "Muse Video" : `Muse Video ${longest} s`,
    shapes: { kind: "sizes", sizes: [LANDSCAPE_720, PORTRAIT_720] },
    durations,
    defaultSize: "1280x720",
    defaultSeconds: longest,
    reference: FIRST_LAST_FRAME,
    supportsRemix: false,
    promptMaxChars: 4000,
    // LaoZhang fails a task itself after 40 min (and refunds it); we wait a little longer.
    timeLimitSeconds: 45 * MINUTE,
    price: { unit: "per_clip", tiers: [{ maxSeconds: longest, cents }] },
    billing: "at_create_refund_on_failure",
    source:
      "docs.laozhang.ai Muse page + announcements 2026-10-30 ($0.30/$0.55/$0.80) and 2026-11-02 ($1.05/$1.30/$1.55): " +
      "per video, charged at create, refunded on failure, auto-failed after 40 min, 1280x720 at 16:9, links 7 days; " +
      "guesses: 720x1280 for 9:16, no 1:1, reference limits, prompt limit",
  };
}

export const MUSE_MODELS: readonly ModelSpec[] = [
  muse("muse-video", [5, 8, 10], 30),
  muse("muse-video-20s", [20], 55),
  muse("muse-video-30s", [30], 80),
  muse("muse-video-40s", [40], 105),
  muse("muse-video-50s", [50], 130),
  muse("muse-video-60s", [60], 155),
];
