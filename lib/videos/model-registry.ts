// Every model fact lives here: sizes, durations, prices, reference-image rules, how long the
// provider keeps assets. The form, validation, cost preview and charges all read this file;
// adding a model with the same job shape is one entry. Prices: ../shared/upstream/sora-videos-api.md.

export type SizeSpec = { size: string; width: number; height: number; centsPerSecond: number };

export type ModelSpec = {
  id: string;
  label: string;
  sizes: SizeSpec[];
  durations: number[];
  defaultSize: string;
  defaultSeconds: number;
  promptMaxChars: number;
  reference: { mimeTypes: string[]; maxBytes: number; mustMatchSize: boolean };
  supportsRemix: boolean;
  /**
   * How long a job may run before the studio gives up on it: failed, reservation released (a late
   * completion is still archived and charged). Generous: many times the model's usual render time.
   */
  timeLimitSeconds: number;
};

export type ChannelId = "simulator" | "openai" | "apiyi" | "custom";

export type ChannelSpec = {
  id: ChannelId;
  /** Default base URL; the simulator's is resolved at run time (lib/upstream/provider-client.ts). */
  defaultBaseUrl: string | null;
  models: ModelSpec[];
  /** How long the provider keeps downloadable assets when a job does not say (expires_at). */
  assetRetentionSeconds: number;
  supportsDelete: boolean;
};

const REFERENCE = {
  mimeTypes: ["image/jpeg", "image/png", "image/webp"],
  maxBytes: 10 * 1024 * 1024,
  mustMatchSize: true,
};

const PORTRAIT_720 = { size: "720x1280", width: 720, height: 1280 };
const LANDSCAPE_720 = { size: "1280x720", width: 1280, height: 720 };
const PORTRAIT_1024 = { size: "1024x1792", width: 1024, height: 1792 };
const LANDSCAPE_1024 = { size: "1792x1024", width: 1792, height: 1024 };

export const SORA_2: ModelSpec = {
  id: "sora-2",
  label: "Sora 2",
  sizes: [
    { ...PORTRAIT_720, centsPerSecond: 10 },
    { ...LANDSCAPE_720, centsPerSecond: 10 },
  ],
  durations: [4, 8, 12],
  defaultSize: "720x1280",
  defaultSeconds: 4,
  promptMaxChars: 32_000,
  reference: REFERENCE,
  supportsRemix: true,
  timeLimitSeconds: 45 * 60,
};

export const SORA_2_PRO: ModelSpec = {
  id: "sora-2-pro",
  label: "Sora 2 Pro",
  sizes: [
    { ...PORTRAIT_720, centsPerSecond: 30 },
    { ...LANDSCAPE_720, centsPerSecond: 30 },
    { ...PORTRAIT_1024, centsPerSecond: 50 },
    { ...LANDSCAPE_1024, centsPerSecond: 50 },
  ],
  durations: [4, 8, 12],
  defaultSize: "720x1280",
  defaultSeconds: 4,
  promptMaxChars: 32_000,
  reference: REFERENCE,
  supportsRemix: true,
  timeLimitSeconds: 90 * 60,
};

const SORA_MODELS = [SORA_2, SORA_2_PRO];
const ONE_DAY = 24 * 3600;

export const CHANNELS: Record<ChannelId, ChannelSpec> = {
  simulator: {
    id: "simulator",
    defaultBaseUrl: null,
    models: SORA_MODELS,
    assetRetentionSeconds: ONE_DAY,
    supportsDelete: true,
  },
  // OpenAI's guide: download links last about an hour; jobs carry expires_at, which wins.
  openai: {
    id: "openai",
    defaultBaseUrl: "https://api.openai.com/v1",
    models: SORA_MODELS,
    assetRetentionSeconds: 3600,
    supportsDelete: true,
  },
  // API易 官转: "视频存储时效为 1 天".
  apiyi: {
    id: "apiyi",
    defaultBaseUrl: "https://api.apiyi.com/v1",
    models: SORA_MODELS,
    assetRetentionSeconds: ONE_DAY,
    supportsDelete: true,
  },
  // Any relay with the same /v1/videos job shape; assume API易's day until a job says otherwise.
  custom: {
    id: "custom",
    defaultBaseUrl: null,
    models: SORA_MODELS,
    assetRetentionSeconds: ONE_DAY,
    supportsDelete: true,
  },
};

export const CHANNEL_IDS = Object.keys(CHANNELS) as ChannelId[];

export function isChannelId(value: unknown): value is ChannelId {
  return typeof value === "string" && value in CHANNELS;
}

export function findModel(channel: ChannelId, modelId: string): ModelSpec | undefined {
  return CHANNELS[channel].models.find((m) => m.id === modelId);
}

export function findSize(model: ModelSpec, size: string): SizeSpec | undefined {
  return model.sizes.find((s) => s.size === size);
}
