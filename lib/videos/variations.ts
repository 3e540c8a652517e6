import "server-only";
import { newVariationGroupId, submitVideoSet, type CreateVideoJobInput } from "./create-video-job";
import type { VideoDto } from "./video-dto";

// "Generate N variations": N tasks of the same settings, submitted together through the one
// submit path (create-video-job.ts), sharing a variationGroupId. The budget is checked once for
// N × the unit cost inside the transaction that writes every row: all or none (decision 081).

export const MIN_VARIATIONS = 2;
export const MAX_VARIATIONS = 4;

/** The set's price: N × the unit cost, integer cents (what the form shows before the submit). */
export function variationsTotalCents(unitCents: number, count: number): number {
  return unitCents * count;
}

export async function createVariations(
  input: CreateVideoJobInput,
  count: number,
): Promise<{ tasks: VideoDto[]; created: boolean }> {
  if (!Number.isInteger(count) || count < MIN_VARIATIONS || count > MAX_VARIATIONS)
    throw new RangeError(`variations: ${MIN_VARIATIONS} to ${MAX_VARIATIONS}, not ${count}`);
  return submitVideoSet(input, { count, variationGroupId: newVariationGroupId() });
}
