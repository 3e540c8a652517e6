import { DAY, HOUR } from "./catalog/shared";
import { MUSE_MODELS, OXYGEN_1 } from "./catalog/relay";
import { SORA_MODELS, YI_REVERSE_SORA_2 } from "./catalog/sora";
import { VEO_MODELS } from "./catalog/veo";
import type { ModelSpec, PresetSpec } from "./types";

// The kinds of provider connection a team can add, each with the dialect (adapter) it speaks,
// its models and what it supports. A connection in the database stores a preset id, a base URL
// (the preset's default unless the user typed one) and a key; everything else comes from here.
//
//   PRESETS                     every preset, in the order the UI lists them
//   PRESET_IDS / isPresetId     the ids, and a guard for values read from forms and rows
//   findPreset(id)              one preset, or undefined
//   findModel(presetId, model)  one model as that preset sells it, or undefined
//   modelsOf(presetId)          a preset's models ([] for an unknown id)
//   resultRetentionSeconds(preset, model)  the model's own retention, else the preset's
//   canRemix(preset, model)     the connection and the model both allow remix
//
// Built-in simulator presets have no base URL: the embedded simulator serves each profile at
// /api/simulator/<profile>/v1 (lib/simulator, another engineer's area). They offer the same
// models as their real counterparts so that every kind of connection can be tried offline.

const BOTH = { list: true, delete: true, remix: true } as const;
const NONE = { list: false, delete: false, remix: false } as const;

export const PRESETS = [
  {
    id: "simulator",
    dialect: "openai",
    label: { en: "Built-in simulator (OpenAI Videos)", zh: "内置模拟器（OpenAI Videos）" },
    defaultBaseUrl: null,
    simulatorProfile: "openai",
    models: SORA_MODELS,
    supports: BOTH,
    resultRetentionSeconds: DAY,
  },
  {
    id: "simulator-yi-reverse",
    dialect: "yi-reverse",
    label: { en: "Built-in simulator (API易 官逆)", zh: "内置模拟器（API易 官逆）" },
    defaultBaseUrl: null,
    simulatorProfile: "yi-reverse",
    models: [YI_REVERSE_SORA_2],
    supports: NONE,
    resultRetentionSeconds: DAY,
    // 官逆: "10 requests per minute, 5 running".
    limits: { createsPerMinute: 10, running: 5 },
  },
  {
    id: "simulator-relay",
    dialect: "relay",
    label: { en: "Built-in simulator (relaxed relay)", zh: "内置模拟器（通用中转）" },
    defaultBaseUrl: null,
    simulatorProfile: "relay",
    models: [...MUSE_MODELS, OXYGEN_1],
    supports: NONE,
    resultRetentionSeconds: 7 * DAY, // the profile keeps links 7 days, like LaoZhang
  },
  {
    id: "simulator-veo",
    dialect: "veo",
    label: { en: "Built-in simulator (Veo 3.1)", zh: "内置模拟器（Veo 3.1）" },
    defaultBaseUrl: null,
    simulatorProfile: "veo",
    models: VEO_MODELS,
    supports: NONE,
    resultRetentionSeconds: DAY,
  },
  {
    // OpenRouter's video API with its live catalogue (GET /videos/models): the models come from
    // the connection's cached catalogue, not from here; the profile serves a small catalogue.
    id: "simulator-openrouter",
    dialect: "openrouter",
    label: { en: "Built-in simulator (OpenRouter)", zh: "内置模拟器（OpenRouter）" },
    defaultBaseUrl: null,
    simulatorProfile: "openrouter",
    models: [],
    supports: NONE,
    resultRetentionSeconds: DAY,
    catalogue: true,
    callbacks: true,
  },
  {
    // OpenAI removed the Videos API and every sora-2* model on 2026-09-24: kept for relays that
    // copy OpenAI exactly and for jobs made before; the UI shows the notice.
    id: "openai",
    dialect: "openai",
    label: { en: "OpenAI", zh: "OpenAI 官方" },
    defaultBaseUrl: "https://api.openai.com/v1",
    simulatorProfile: null,
    models: SORA_MODELS,
    supports: BOTH,
    // OpenAI's guide: download links last about an hour; a job's expires_at wins.
    resultRetentionSeconds: HOUR,
    noticeKey: "providers.notices.openaiShutDown",
  },
  {
    id: "apiyi-official",
    dialect: "openai",
    label: { en: "API易 Sora 2 (official forwarding, 官转)", zh: "API易 Sora 2 官转" },
    defaultBaseUrl: "https://api.apiyi.com/v1",
    simulatorProfile: null,
    models: SORA_MODELS,
    supports: BOTH,
    resultRetentionSeconds: DAY, // "视频存储时效为 1 天"
  },
  {
    id: "apiyi-reverse",
    dialect: "yi-reverse",
    label: { en: "API易 Sora 2 (reverse, 官逆)", zh: "API易 Sora 2 官逆" },
    defaultBaseUrl: "https://api.apiyi.com/v1",
    simulatorProfile: null,
    models: [YI_REVERSE_SORA_2],
    supports: NONE,
    resultRetentionSeconds: DAY,
    // 官逆: "10 requests per minute, 5 running".
    limits: { createsPerMinute: 10, running: 5 },
  },
  {
    id: "apiyi-veo",
    dialect: "veo",
    label: { en: "API易 Veo 3.1", zh: "API易 Veo 3.1" },
    defaultBaseUrl: "https://api.apiyi.com/v1",
    simulatorProfile: null,
    models: VEO_MODELS,
    supports: NONE,
    resultRetentionSeconds: DAY, // undocumented for Veo: API易's day assumed
  },
  {
    id: "apiyi-oxygen",
    dialect: "relay",
    label: { en: "API易 Oxygen", zh: "API易 Oxygen" },
    defaultBaseUrl: "https://api.apiyi.com/v1",
    simulatorProfile: null,
    models: [OXYGEN_1],
    supports: NONE,
    resultRetentionSeconds: DAY, // undocumented for Oxygen: API易's day assumed
  },
  {
    id: "laozhang-muse",
    dialect: "relay",
    label: { en: "LaoZhang Muse", zh: "老张 API Muse" },
    defaultBaseUrl: "https://api.laozhang.ai/v1",
    simulatorProfile: null,
    models: MUSE_MODELS,
    supports: NONE,
    resultRetentionSeconds: 7 * DAY,
  },
  {
    // One key, many models (Veo 3.1, Wan, Seedance…): the models and prices are read from
    // GET /videos/models (docs/providers.md, "OpenRouter and live catalogues").
    id: "openrouter",
    dialect: "openrouter",
    label: { en: "OpenRouter", zh: "OpenRouter" },
    defaultBaseUrl: "https://openrouter.ai/api/v1",
    simulatorProfile: null,
    models: [],
    supports: NONE,
    // Not published: a day assumed; a job's own expiry wins.
    resultRetentionSeconds: DAY,
    catalogue: true,
    callbacks: true,
  },
  {
    // Any relay that copies OpenAI's /v1/videos exactly: sells Sora 2 at OpenAI's prices unless
    // an admin overrides them.
    id: "custom-openai",
    dialect: "openai",
    label: { en: "Other relay (exact OpenAI Videos API)", zh: "其他中转（完全兼容 OpenAI Videos）" },
    defaultBaseUrl: null,
    simulatorProfile: null,
    models: SORA_MODELS,
    supports: BOTH,
    resultRetentionSeconds: DAY,
  },
  {
    // Any relaxed /v1/videos relay (new-api and the like): no list, no delete, result as a URL.
    // Sora 2 is what such relays sell most; live catalogues come with the next issue.
    id: "custom-relay",
    dialect: "relay",
    label: { en: "Other relay (OpenAI-compatible /v1/videos)", zh: "其他中转（兼容 /v1/videos）" },
    defaultBaseUrl: null,
    simulatorProfile: null,
    models: SORA_MODELS,
    supports: { list: false, delete: false, remix: true },
    resultRetentionSeconds: DAY,
  },
] as const satisfies readonly PresetSpec[];

export type PresetId = (typeof PRESETS)[number]["id"];
export const PRESET_IDS: readonly PresetId[] = PRESETS.map((p) => p.id);

export function isPresetId(value: unknown): value is PresetId {
  return typeof value === "string" && (PRESET_IDS as readonly string[]).includes(value);
}

export function findPreset(id: string): PresetSpec | undefined {
  return (PRESETS as readonly PresetSpec[]).find((p) => p.id === id);
}

export function modelsOf(presetId: string): readonly ModelSpec[] {
  return findPreset(presetId)?.models ?? [];
}

export function findModel(presetId: string, modelId: string): ModelSpec | undefined {
  return modelsOf(presetId).find((m) => m.id === modelId);
}

/** Remix needs both: the connection's API has it and the model supports it. */
export function canRemix(preset: PresetSpec, model: ModelSpec): boolean {
  return preset.supports.remix && model.supportsRemix;
}

export function resultRetentionSeconds(preset: PresetSpec, model: ModelSpec): number {
  return model.resultRetentionSeconds ?? preset.resultRetentionSeconds;
}
