// The model registry in real price units: one import for the rest of the app.
// Pure TypeScript (no database, no server-only, no React): safe in pages, actions and tests.
// How to add a model or a preset: docs/providers.md.

export type * from "./types";
export {
  PRESETS,
  PRESET_IDS,
  canRemix,
  findModel,
  findPreset,
  isPresetId,
  modelsOf,
  resultRetentionSeconds,
} from "./presets";
export type { PresetId } from "./presets";
export { allDurations, durationAllowed, durationsAt, expandDurations, findSize, sizesOf } from "./shapes";
export { billingTiming, checkPrice, describePrice, effectivePrice, estimateCents } from "./price";
export type { Estimate, NotOfferedReason, PriceDescription } from "./price";
export { checkCombination, defaultsFor, validChoices } from "./constraints";
export type { Choices, CombinationField, CombinationRequest } from "./constraints";
export {
  catalogueModelSpec,
  catalogueShape,
  pixelsOf,
  readCatalogueEntry,
  serialiseCatalogueEntry,
  skuPrice,
} from "./catalogue";
export type { CatalogueEntry, FrameImage } from "./catalogue";
