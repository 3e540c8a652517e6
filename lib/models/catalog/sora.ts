import type { ModelSpec } from "../types";
import { FIRST_FRAME_EXACT, LANDSCAPE_720, MEGABYTE, MINUTE, PORTRAIT_720, size } from "./shared";

// OpenAI's Sora 2 models: OpenAI itself (shut down 2026-09-24), API易 官转 and exact relays
// (the OpenAI dialect), and API易 官逆 (its own dialect and per-clip price).
// Sources: ../shared/upstream/sora-videos-api.md, ../shared/upstream/relay-dialects.md.

const OPENAI_FACTS =
  "sizes, durations 4/8/12, reference rules: OpenAI spec + guide; per-second prices: OpenAI and API易 官转 tables " +
  "(sora-videos-api.md); time limit: the studio's choice (many times the usual render)";

export const SORA_2: ModelSpec = {
  id: "sora-2",
  label: "Sora 2",
  shapes: { kind: "sizes", sizes: [PORTRAIT_720, LANDSCAPE_720] },
  durations: [4, 8, 12],
  defaultSize: "720x1280",
  defaultSeconds: 4,
  reference: FIRST_FRAME_EXACT,
  supportsRemix: true,
  promptMaxChars: 32_000,
  timeLimitSeconds: 45 * MINUTE,
  usualSeconds: 3 * MINUTE,
  price: { unit: "per_second", milliCentsPerSecond: { "720p": 10_000 } },
  billing: "on_completion",
  source: OPENAI_FACTS,
};

export const SORA_2_PRO: ModelSpec = {
  id: "sora-2-pro",
  label: "Sora 2 Pro",
  shapes: {
    kind: "sizes",
    sizes: [PORTRAIT_720, LANDSCAPE_720, size(1024, 1792, "1024p"), size(1792, 1024, "1024p")],
  },
  durations: [4, 8, 12],
  defaultSize: "720x1280",
  defaultSeconds: 4,
  reference: FIRST_FRAME_EXACT,
  supportsRemix: true,
  promptMaxChars: 32_000,
  timeLimitSeconds: 90 * MINUTE,
  usualSeconds: 6 * MINUTE,
  price: { unit: "per_second", milliCentsPerSecond: { "720p": 30_000, "1024p": 50_000 } },
  billing: "on_completion",
  source: OPENAI_FACTS,
};

export const SORA_MODELS: readonly ModelSpec[] = [SORA_2, SORA_2_PRO];

/**
 * API易 官逆 (reverse): `sora-2` with `size` 1280x720 | 720x1280 and `seconds` 10 | 15; the video
 * really comes out 704 px wide. Priced per clip. Two published tables disagree: A) $0.12 per call
 * whatever the length; B) $0.15 (10 s, 704x1280) and $0.25 (15 s). We take B: it is the one that
 * names the real 704 px output and prices 15 s apart, and the higher one, so a budget never
 * reserves less than the bill; admins override per connection where their invoice says $0.12.
 */
export const YI_REVERSE_SORA_2: ModelSpec = {
  id: "sora-2",
  label: "Sora 2 (官逆)",
  shapes: {
    kind: "sizes",
    sizes: [
      size(720, 1280, "720p", { delivered: { width: 704, height: 1280 } }),
      size(1280, 720, "720p", { delivered: { width: 1280, height: 704 } }),
    ],
  },
  durations: [10, 15],
  defaultSize: "720x1280",
  defaultSeconds: 10,
  // One optional PNG/JPG under 10 MB; the channel fits it to the output itself.
  reference: {
    kind: "first_frame",
    mimeTypes: ["image/jpeg", "image/png"],
    maxBytes: 10 * MEGABYTE - 1,
    minCount: 0,
    maxCount: 1,
    mustMatchSize: false,
  },
  supportsRemix: false,
  promptMaxChars: 999,
  timeLimitSeconds: 45 * MINUTE,
  price: {
    unit: "per_clip",
    tiers: [
      { maxSeconds: 10, cents: 15 },
      { maxSeconds: 15, cents: 25 },
    ],
  },
  billing: "on_completion",
  source:
    "relay-dialects.md (API易 官逆): sizes, 10/15 s, PNG/JPG < 10 MB, prompt < 1000, 1 day, failed calls not billed; " +
    "price: table B of two disagreeing tables (choice, see docs/providers.md)",
};
