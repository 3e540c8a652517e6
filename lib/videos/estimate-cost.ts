import { CHANNELS, findModel, findSize, type ChannelId } from "./model-registry";

/**
 * The price of a video in integer US cents: the registry's per-second price for this model and
 * size, times the seconds. One function for the cost preview, the budget check and the charge.
 * Returns null for a combination the registry does not offer.
 */
export function estimateCostCents(channel: ChannelId, modelId: string, size: string, seconds: number): number | null {
  const model = findModel(channel, modelId);
  const sizeSpec = model && findSize(model, size);
  if (!model || !sizeSpec || !model.durations.includes(seconds)) return null;
  return sizeSpec.centsPerSecond * seconds;
}

/** "$6.00": cents are integers everywhere; this is the only place they become a decimal. */
export function formatUsd(cents: number): string {
  const sign = cents < 0 ? "-" : "";
  const abs = Math.abs(Math.trunc(cents));
  return `${sign}$${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, "0")}`;
}

export function channelModels(channel: ChannelId) {
  return CHANNELS[channel].models;
}
