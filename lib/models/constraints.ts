import { estimateCents } from "./price";
import { durationsAt, findSize, sizesOf } from "./shapes";
import type { FieldProblem, ModelSpec, PriceOverride, ReferenceImageFacts, SizeOption } from "./types";

// Which combinations of size, duration and reference images a model accepts: one check for the
// form (instant feedback), the server's validation and the engine, and the choices the form may
// offer so that it only ever offers valid, priced combinations.
//
//   checkCombination(model, request)            → per-field problems (empty object = valid)
//   validChoices(model, partial, override?)     → sizes and durations to offer + the selection made valid
//   defaultsFor(model)                          → { size, seconds } the form starts with
//
// Problem keys name messages in the "generate.errors" catalogue. Already there: sizeNotAllowed,
// durationNotAllowed, referenceType, referenceTooLarge, referenceSizeMismatch, promptRequired,
// promptTooLong. New (to add to lib/i18n): durationNotAllowedForSize, referenceNotAccepted,
// tooManyReferences, referenceRequired.

export type CombinationField = "size" | "seconds" | "reference" | "prompt";
export type CombinationRequest = {
  size: string;
  seconds: number;
  referenceImages?: readonly ReferenceImageFacts[];
  /** Checked only when given (the prompt as it will be sent, already cleaned). */
  prompt?: string;
};

export function checkCombination(
  model: ModelSpec,
  request: CombinationRequest,
): Partial<Record<CombinationField, FieldProblem>> {
  const problems: Partial<Record<CombinationField, FieldProblem>> = {};
  const option = findSize(model, request.size);
  if (!option) {
    problems.size = {
      key: "sizeNotAllowed",
      params: {
        model: model.id,
        sizes: sizesOf(model)
          .map((s) => s.size)
          .join(", "),
      },
    };
  }
  const modelSeconds = durationsAt(model);
  if (!modelSeconds.includes(request.seconds)) {
    problems.seconds = { key: "durationNotAllowed", params: { durations: modelSeconds.join(", ") } };
  } else if (option && !durationsAt(model, option.size).includes(request.seconds)) {
    problems.seconds = {
      key: "durationNotAllowedForSize",
      params: { size: option.size, durations: durationsAt(model, option.size).join(", ") },
    };
  }
  const reference = checkReferences(model, option, request.referenceImages ?? []);
  if (reference) problems.reference = reference;
  if (request.prompt !== undefined) {
    const length = request.prompt.trim().length;
    if (length === 0) problems.prompt = { key: "promptRequired" };
    else if (length > model.promptMaxChars)
      problems.prompt = { key: "promptTooLong", params: { max: model.promptMaxChars } };
  }
  return problems;
}

function checkReferences(
  model: ModelSpec,
  option: SizeOption | undefined,
  images: readonly ReferenceImageFacts[],
): FieldProblem | null {
  const rules = model.reference;
  if (rules.kind === "none")
    return images.length > 0 ? { key: "referenceNotAccepted", params: { model: model.id } } : null;
  if (images.length > rules.maxCount) return { key: "tooManyReferences", params: { max: rules.maxCount } };
  if (images.length < rules.minCount) return { key: "referenceRequired", params: { min: rules.minCount } };
  for (const [index, image] of images.entries()) {
    const which = index + 1;
    if (!rules.mimeTypes.includes(image.mimeType)) return { key: "referenceType", params: { image: which } };
    if (image.bytes > rules.maxBytes) {
      return { key: "referenceTooLarge", params: { maxMb: Math.round(rules.maxBytes / 1024 / 1024), image: which } };
    }
    if (rules.mustMatchSize && option && (image.width !== option.width || image.height !== option.height)) {
      return {
        key: "referenceSizeMismatch",
        params: { width: image.width, height: image.height, required: option.size, image: which },
      };
    }
  }
  return null;
}

export type Choices = {
  /** Every size that has at least one priced duration, in catalogue order. */
  sizes: SizeOption[];
  /** The priced durations at `size`, ascending. */
  durations: number[];
  /** The selection made valid: what was chosen where allowed, else the default or nearest. */
  size: string;
  seconds: number;
};

/**
 * What the form may offer given what is already chosen. The size is kept when it is offered (else
 * the model's default); the duration is kept when it is allowed at that size, else the nearest
 * allowed one (the shorter on a tie). With an override, only combinations it prices are offered.
 */
export function validChoices(
  model: ModelSpec,
  partial: { size?: string; seconds?: number },
  override?: PriceOverride | null,
): Choices {
  const priced = (size: string) =>
    durationsAt(model, size).filter((seconds) => estimateCents(model, { size, seconds }, override).offered);
  const sizes = sizesOf(model).filter((s) => priced(s.size).length > 0);
  const keep =
    sizes.find((s) => s.size === partial.size) ?? sizes.find((s) => s.size === model.defaultSize) ?? sizes[0];
  if (!keep) return { sizes: [], durations: [], size: model.defaultSize, seconds: model.defaultSeconds };
  const durations = priced(keep.size);
  const wanted = partial.seconds ?? model.defaultSeconds;
  const seconds = durations.reduce((best, s) => (Math.abs(s - wanted) < Math.abs(best - wanted) ? s : best));
  return { sizes, durations, size: keep.size, seconds };
}

export function defaultsFor(model: ModelSpec): { size: string; seconds: number } {
  return { size: model.defaultSize, seconds: model.defaultSeconds };
}
