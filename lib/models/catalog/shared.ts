import type { PixelSize, ReferenceRules } from "../types";

// Pieces several catalogue files share. Durations in seconds, sizes in bytes.

export const MINUTE = 60;
export const HOUR = 3600;
export const DAY = 24 * HOUR;
export const MEGABYTE = 1024 * 1024;

export const IMAGE_TYPES = ["image/jpeg", "image/png", "image/webp"] as const;

export const NO_REFERENCE: ReferenceRules = { kind: "none" };

/** One optional first-frame image of the requested size (OpenAI's `input_reference`). */
export const FIRST_FRAME_EXACT: ReferenceRules = {
  kind: "first_frame",
  mimeTypes: IMAGE_TYPES,
  maxBytes: 10 * MEGABYTE,
  minCount: 0,
  maxCount: 1,
  mustMatchSize: true,
};

export function size(width: number, height: number, tier: string, extra: Partial<PixelSize> = {}): PixelSize {
  return { size: `${width}x${height}`, width, height, tier, ...extra };
}

export const PORTRAIT_720 = size(720, 1280, "720p");
export const LANDSCAPE_720 = size(1280, 720, "720p");
