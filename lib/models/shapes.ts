import type { Durations, ModelSpec, SizeOption } from "./types";

// Reading a model's sizes and durations the same way whatever their declared form.
//
//   sizesOf(model)              every SizeOption, in catalogue order (resolution × aspect expanded)
//   findSize(model, size)       the SizeOption keyed "WxH", or undefined
//   durationsAt(model, size?)   seconds allowed at a size (its override, else the model's), as a list
//   allDurations(model)         every second any size allows, ascending
//   durationAllowed(d, s)       is `s` in a Durations list/range
//   expandDurations(d)          a Durations as an ascending list

export function expandDurations(durations: Durations): number[] {
  if (isList(durations)) return [...durations].sort((a, b) => a - b);
  const out: number[] = [];
  for (let s = durations.min; s <= durations.max; s += durations.step) out.push(s);
  return out;
}

export function durationAllowed(durations: Durations, seconds: number): boolean {
  if (!Number.isInteger(seconds)) return false;
  if (isList(durations)) return durations.includes(seconds);
  return seconds >= durations.min && seconds <= durations.max && (seconds - durations.min) % durations.step === 0;
}

export function sizesOf(model: ModelSpec): SizeOption[] {
  if (model.shapes.kind === "sizes") return [...model.shapes.sizes];
  const out: SizeOption[] = [];
  for (const resolution of model.shapes.resolutions) {
    for (const [aspectRatio, { width, height }] of Object.entries(resolution.pixels)) {
      out.push({
        size: `${width}x${height}`,
        width,
        height,
        tier: resolution.id,
        resolution: resolution.id,
        aspectRatio,
        ...(resolution.durations ? { durations: resolution.durations } : {}),
      });
    }
  }
  return out;
}

export function findSize(model: ModelSpec, size: string): SizeOption | undefined {
  return sizesOf(model).find((s) => s.size === size);
}

/** The seconds allowed at `size` (the size's own list wins), or by the model when no size is given. */
export function durationsAt(model: ModelSpec, size?: string): number[] {
  const option = size === undefined ? undefined : findSize(model, size);
  if (size !== undefined && !option) return [];
  const model_ = expandDurations(model.durations);
  if (!option?.durations) return model_;
  // A size's list narrows the model's; it never adds seconds the model does not offer.
  return expandDurations(option.durations).filter((s) => durationAllowed(model.durations, s));
}

export function allDurations(model: ModelSpec): number[] {
  const seen = new Set<number>();
  for (const option of sizesOf(model)) for (const s of durationsAt(model, option.size)) seen.add(s);
  return [...seen].sort((a, b) => a - b);
}

function isList(durations: Durations): durations is readonly number[] {
  return Array.isArray(durations);
}
