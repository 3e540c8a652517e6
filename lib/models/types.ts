// The model registry's vocabulary: what a model can make, what it costs in its provider's own
// unit, and when the provider bills it. Pure data types, no behaviour (see shapes.ts, price.ts,
// constraints.ts, presets.ts). Money is always an integer: whole US cents, except per-second
// rates, which are integer milli-cents (1/1000 cent) per second so that a relay's $0.025/s can be
// stored exactly; an estimate is rounded up to whole cents once, at the end (price.ts).
//
//   ModelSpec        one model as one preset (connection kind) sells it
//   OutputShapes     pixel sizes, or resolution × aspect ratio mapped to pixels
//   Durations        a list of seconds ([4, 8, 12]) or an integer range ({ min, max, step })
//   ReferenceRules   none | first frame | first + last frame, with formats, bytes, count
//   Price            per_second (by size tier) | per_request | per_clip (by duration tier)
//   BillingTiming    on_completion | at_create_refund_on_failure
//   FieldProblem     an i18n key + params, the same shape as lib/videos/form-rules.ts

/** A list of allowed seconds, or every `step` seconds from `min` to `max` (inclusive). */
export type DurationRange = { readonly min: number; readonly max: number; readonly step: number };
export type Durations = readonly number[] | DurationRange;

/** One pixel size a model can render. `size` ("1280x720") is the key the app stores and sends. */
export type PixelSize = {
  readonly size: string;
  readonly width: number;
  readonly height: number;
  /** Price tier for per-second prices ("720p", "1024p"); sizes of one tier cost the same. */
  readonly tier: string;
  /** Constraint: only these durations at this size (Veo: 1080p and 4k only 8 s). */
  readonly durations?: Durations;
  /** What the provider really delivers when it differs from `size` (API易 官逆: 704 px wide). */
  readonly delivered?: { readonly width: number; readonly height: number };
};

/** A resolution of a resolution × aspect-ratio model; its id is also its price tier. */
export type Resolution = {
  readonly id: string;
  /** Pixels per aspect ratio; an aspect ratio missing here is not offered at this resolution. */
  readonly pixels: Readonly<Record<string, { readonly width: number; readonly height: number }>>;
  readonly durations?: Durations;
};

export type OutputShapes =
  | { readonly kind: "sizes"; readonly sizes: readonly PixelSize[] }
  | { readonly kind: "resolution_aspect"; readonly resolutions: readonly Resolution[] };

/**
 * A size as the form and the adapters see it, whatever the model's OutputShapes kind: pixel
 * models give their PixelSize; resolution × aspect models give one per pair, keyed by its pixels
 * ("1376x768") and carrying `resolution` and `aspectRatio` for adapters that send those.
 */
export type SizeOption = PixelSize & { readonly resolution?: string; readonly aspectRatio?: string };

export type ReferenceKind = "none" | "first_frame" | "first_last_frame";

export type ReferenceRules =
  | { readonly kind: "none" }
  | {
      readonly kind: "first_frame" | "first_last_frame";
      readonly mimeTypes: readonly string[];
      readonly maxBytes: number;
      /** At least this many images (a first/last-frame-only model needs one), at most `maxCount`. */
      readonly minCount: number;
      readonly maxCount: number;
      /** The provider rejects an image whose pixels differ from the requested size. */
      readonly mustMatchSize: boolean;
    };

/** Integer milli-cents per second per size tier; the tier "*" applies to any tier not listed. */
export type PerSecondPrice = {
  readonly unit: "per_second";
  readonly milliCentsPerSecond: Readonly<Record<string, number>>;
};
/** Integer cents per job, whatever its length and size. */
export type PerRequestPrice = { readonly unit: "per_request"; readonly cents: number };
/** Integer cents per clip by duration tier: the first tier whose maxSeconds ≥ the seconds. */
export type PerClipPrice = {
  readonly unit: "per_clip";
  readonly tiers: readonly { readonly maxSeconds: number; readonly cents: number }[];
};
export type Price = PerSecondPrice | PerRequestPrice | PerClipPrice;
export type PriceUnit = Price["unit"];

/**
 * An admin's price for one model on one connection (relays publish inconsistent tables): it
 * replaces the catalogue price entirely, in any unit. Stored and audited by the caller.
 */
export type PriceOverride = { readonly modelId: string; readonly price: Price };

/** When the provider takes the money: most on completion; LaoZhang Muse and Oxygen at create. */
export type BillingTiming = "on_completion" | "at_create_refund_on_failure";

export type ModelSpec = {
  readonly id: string;
  readonly label: string;
  readonly shapes: OutputShapes;
  readonly durations: Durations;
  /** A valid, priced combination (tested for every model of every preset). */
  readonly defaultSize: string;
  readonly defaultSeconds: number;
  readonly reference: ReferenceRules;
  readonly supportsRemix: boolean;
  readonly promptMaxChars: number;
  /** How long the provider keeps results when it differs from its preset's default. */
  readonly resultRetentionSeconds?: number;
  /** How long before the studio gives up on a job (fails it, releases its reservation). */
  readonly timeLimitSeconds: number;
  /**
   * How long a job of the model's default length usually takes, submit to result; longer clips in
   * proportion. A job with no progress for longer is flagged "taking longer than usual"
   * (lib/videos/stuck-jobs.ts, docs/stuck-jobs.md). Absent: 60 s + 20 s per second of video.
   */
  readonly usualSeconds?: number;
  readonly price: Price;
  readonly billing: BillingTiming;
  /** Where each fact comes from and what is a guess (mirrors docs/providers.md). */
  readonly source: string;
};

/** The adapter a preset speaks (lib/upstream). `relay` and `veo` may share one relaxed adapter. */
export type Dialect = "openai" | "yi-reverse" | "relay" | "veo" | "openrouter";
export type SimulatorProfile = "openai" | "yi-reverse" | "relay" | "veo" | "openrouter";

export type PresetSpec = {
  readonly id: string;
  readonly dialect: Dialect;
  readonly label: { readonly en: string; readonly zh: string };
  /** null: the user types it (custom relays), or the simulator's, resolved at run time. */
  readonly defaultBaseUrl: string | null;
  /** Built-in: served by the embedded simulator at /api/simulator/<profile>/v1. */
  readonly simulatorProfile: SimulatorProfile | null;
  readonly models: readonly ModelSpec[];
  readonly supports: { readonly list: boolean; readonly delete: boolean; readonly remix: boolean };
  /**
   * The provider's own limits per key, respected on our side: a job beyond them waits in the
   * studio's queue and is sent when there is room (lib/videos/submit-queue.ts), never failed.
   */
  readonly limits?: { readonly createsPerMinute: number; readonly running: number };
  /** How long results stay downloadable when a job does not say (expires_at). */
  readonly resultRetentionSeconds: number;
  /** An i18n-style key for a notice the UI shows with the preset (e.g. a shutdown). */
  readonly noticeKey?: string;
  /**
   * The provider publishes its models (OpenRouter's `GET /videos/models`): a connection's models
   * come from its cached catalogue (CatalogueModel rows, lib/models/catalogue.ts), not `models`.
   */
  readonly catalogue?: boolean;
  /** The provider calls back when a job finishes (`callback_url`); polling stays the fallback. */
  readonly callbacks?: boolean;
};

export type FieldProblem = { key: string; params?: Record<string, string | number> };
export type ReferenceImageFacts = { mimeType: string; bytes: number; width: number; height: number };
