import type { SimulatorCore } from "./simulator-core";

// The OpenRouter profile's catalogue (`GET /videos/models`) and its billing knob, kept per
// simulator core (so each profile instance, and each test's simulator, has its own). The control
// routes change them at run time: add, change or remove a model; make `usage.cost` differ from
// the list price by a factor (docs/simulator.md, profile `openrouter`).

export interface OpenRouterModel {
  id: string;
  canonical_slug: string;
  name: string;
  created: number;
  supported_resolutions: string[];
  supported_aspect_ratios: string[];
  supported_sizes: string[] | null;
  supported_durations: number[];
  supported_frame_images: string[];
  generate_audio: boolean;
  seed: boolean;
  pricing_skus: Record<string, string>;
  allowed_passthrough_parameters: string[];
}

function model(id: string, name: string, fields: Partial<OpenRouterModel>): OpenRouterModel {
  return {
    id,
    canonical_slug: id,
    name,
    created: 1_761_955_200,
    supported_resolutions: ["720p"],
    supported_aspect_ratios: ["16:9", "9:16"],
    supported_sizes: null,
    supported_durations: [4],
    supported_frame_images: [],
    generate_audio: false,
    seed: true,
    pricing_skus: {},
    allowed_passthrough_parameters: [],
    ...fields,
  };
}

/**
 * CHOICE: three models with three kinds of price: Veo 3.1 per second with a 1080p SKU, audio and
 * first/last frames; Wan 2.6 per second by resolution (480p and 720p SKUs only) with a first
 * frame; Seedance per video. Short durations keep renders cheap.
 */
export function defaultOpenRouterCatalogue(): OpenRouterModel[] {
  return [
    model("google/veo-3.1", "Google: Veo 3.1", {
      supported_resolutions: ["720p", "1080p"],
      supported_aspect_ratios: ["16:9", "9:16"],
      supported_durations: [4, 6, 8],
      supported_frame_images: ["first_frame", "last_frame"],
      generate_audio: true,
      pricing_skus: { "per-video-second": "0.40", "per-video-second-1080p": "0.60" },
    }),
    model("alibaba/wan-2.6", "Alibaba: Wan 2.6", {
      supported_resolutions: ["480p", "720p"],
      supported_aspect_ratios: ["16:9", "9:16", "1:1"],
      supported_durations: [5, 10],
      supported_frame_images: ["first_frame"],
      pricing_skus: { "per-video-second-480p": "0.05", "per-video-second-720p": "0.10" },
    }),
    model("bytedance/seedance-2.0-lite", "ByteDance: Seedance 2.0 Lite", {
      supported_resolutions: ["720p"],
      supported_aspect_ratios: ["16:9"],
      supported_durations: [5],
      pricing_skus: { "per-video": "0.25" },
    }),
  ];
}

export interface Delivery {
  id: string;
  jobId: string;
  url: string;
  attempt: number;
  /** The receiver's HTTP status, or null when the connection failed. */
  status: number | null;
  at: string;
}

export interface OpenRouterState {
  catalogue: OpenRouterModel[];
  /** `usage.cost` = list price × this (1 = billed as listed). */
  costFactor: number;
  deliveries: Delivery[];
}

const states = new WeakMap<SimulatorCore, OpenRouterState>();

export function openRouterState(core: SimulatorCore): OpenRouterState {
  let state = states.get(core);
  if (!state) {
    state = { catalogue: defaultOpenRouterCatalogue(), costFactor: 1, deliveries: [] };
    states.set(core, state);
  }
  return state;
}

/** The list price of one job in US dollars from the model's SKUs, or null when it has none. */
export function listPriceUsd(m: OpenRouterModel, resolution: string, seconds: number): number | null {
  const skus = m.pricing_skus;
  const perSecond = skus[`per-video-second-${resolution}`] ?? skus["per-video-second"];
  if (perSecond !== undefined) return Number(perSecond) * seconds;
  const perVideo = skus["per-video"];
  return perVideo === undefined ? null : Number(perVideo);
}

/** A model as the control route receives it: the id and any published fields. */
export function modelFromControl(value: unknown): OpenRouterModel | null {
  if (!value || typeof value !== "object") return null;
  const v = value as Partial<OpenRouterModel>;
  if (typeof v.id !== "string" || !v.id) return null;
  return model(v.id, typeof v.name === "string" ? v.name : v.id, v);
}
