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

export function channelModels(channel: ChannelId) {
  return CHANNELS[channel].models;
}
