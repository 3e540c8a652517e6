import {
  CHANNELS,
  findModel,
  findSize,
  type ChannelId,
  type ModelSpec,
  type SizeSpec,
} from "@/lib/videos/model-registry";

// The form's rules, read from the model registry, shared by the page (instant feedback, only
// valid choices offered) and the submit action (which also lets the engine check again). Every
// failing field is reported, not just the first. Keys name messages in "generate.errors".

export type FieldProblem = { key: string; params?: Record<string, string | number> };
export type VideoFormValues = { model: string; size: string; seconds: number; prompt: string };
export type VideoFormField = "model" | "size" | "seconds" | "prompt" | "reference";

export function checkVideoForm(
  channel: ChannelId,
  values: VideoFormValues,
): Partial<Record<VideoFormField, FieldProblem>> {
  const problems: Partial<Record<VideoFormField, FieldProblem>> = {};
  const prompt = values.prompt.trim();
  const model = findModel(channel, values.model);
  if (prompt.length === 0) problems.prompt = { key: "promptRequired" };
  if (!model) {
    problems.model = { key: "unknownModel" };
    return problems;
  }
  if (prompt.length > model.promptMaxChars)
    problems.prompt = { key: "promptTooLong", params: { max: model.promptMaxChars } };
  if (!findSize(model, values.size))
    problems.size = {
      key: "sizeNotAllowed",
      params: { model: model.id, sizes: model.sizes.map((s) => s.size).join(", ") },
    };
  if (!model.durations.includes(values.seconds))
    problems.seconds = { key: "durationNotAllowed", params: { durations: model.durations.join(", ") } };
  return problems;
}

export function checkReferenceImage(
  model: ModelSpec,
  size: SizeSpec,
  image: { mimeType: string; bytes: number; width: number; height: number },
): FieldProblem | null {
  if (!model.reference.mimeTypes.includes(image.mimeType)) return { key: "referenceType" };
  if (image.bytes > model.reference.maxBytes)
    return { key: "referenceTooLarge", params: { maxMb: maxMegabytes(model) } };
  if (model.reference.mustMatchSize && (image.width !== size.width || image.height !== size.height)) {
    return { key: "referenceSizeMismatch", params: { width: image.width, height: image.height, required: size.size } };
  }
  return null;
}

export function maxMegabytes(model: ModelSpec): number {
  return Math.round(model.reference.maxBytes / 1024 / 1024);
}

/** A size offered by any model of the channel (the fit action needs only its pixels). */
export function findChannelSize(channel: ChannelId, size: string): SizeSpec | undefined {
  for (const model of CHANNELS[channel].models) {
    const found = findSize(model, size);
    if (found) return found;
  }
  return undefined;
}

/** Settings from a URL ("Use these settings again"), kept only where the registry allows them. */
export function prefillFromSearch(channel: ChannelId, get: (key: string) => string | undefined): VideoFormValues {
  const models = CHANNELS[channel].models;
  const model = findModel(channel, get("model") ?? "") ?? models[0]!;
  const size = findSize(model, get("size") ?? "")?.size ?? model.defaultSize;
  const wanted = Number(get("seconds"));
  const seconds = model.durations.includes(wanted) ? wanted : model.defaultSeconds;
  const prompt = (get("prompt") ?? "").slice(0, model.promptMaxChars);
  return { model: model.id, size, seconds, prompt };
}
