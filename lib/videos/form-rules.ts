import {
  checkCombination,
  findSize,
  sizesOf,
  validChoices,
  type FieldProblem,
  type ModelSpec,
  type Price,
  type PriceOverride,
  type ReferenceImageFacts,
  type SizeOption,
} from "@/lib/models";

// The form's rules, read from the model registry (lib/models), shared by the page (instant
// feedback, only valid choices offered) and the submit action (which also lets the engine check
// again). Every failing field is reported, not just the first. Keys name messages in
// "generate.errors". Pure: runs in the browser too.

export type { FieldProblem };

/** One connection as Generate offers it: its models, and the prices an admin set for them. */
export type ConnectionOffer = {
  id: string;
  name: string;
  preset: string;
  models: ModelSpec[];
  /** modelId → the admin's price on this connection, replacing the registry's. */
  prices: Record<string, Price>;
};

export type VideoFormValues = { connectionId: string; model: string; size: string; seconds: number; prompt: string };
export type VideoFormField = "connection" | "model" | "size" | "seconds" | "prompt" | "reference";

export function findOffer(offers: readonly ConnectionOffer[], connectionId: string): ConnectionOffer | undefined {
  return offers.find((o) => o.id === connectionId);
}

export function offeredModel(
  offers: readonly ConnectionOffer[],
  connectionId: string,
  modelId: string,
): { offer: ConnectionOffer; model: ModelSpec; override: PriceOverride | null } | null {
  const offer = findOffer(offers, connectionId);
  const model = offer?.models.find((m) => m.id === modelId);
  if (!offer || !model) return null;
  return { offer, model, override: overrideOf(offer, model.id) };
}

export function overrideOf(offer: ConnectionOffer, modelId: string): PriceOverride | null {
  const price = offer.prices[modelId];
  return price ? { modelId, price } : null;
}

export function checkVideoForm(
  offers: readonly ConnectionOffer[],
  values: VideoFormValues,
): Partial<Record<VideoFormField, FieldProblem>> {
  const problems: Partial<Record<VideoFormField, FieldProblem>> = {};
  if (values.prompt.trim().length === 0) problems.prompt = { key: "promptRequired" };
  if (!findOffer(offers, values.connectionId)) {
    problems.connection = { key: "unknownConnection" };
    return problems;
  }
  const found = offeredModel(offers, values.connectionId, values.model);
  if (!found) {
    problems.model = { key: "unknownModel" };
    return problems;
  }
  return {
    ...problems,
    ...checkCombination(found.model, { size: values.size, seconds: values.seconds, prompt: values.prompt }),
  };
}

/** The reference-image rules of a model at a size (type, bytes, pixels), or null when it passes. */
export function checkReferenceImage(model: ModelSpec, size: string, image: ReferenceImageFacts): FieldProblem | null {
  const seconds = model.defaultSeconds;
  return checkCombination(model, { size, seconds, referenceImages: [image] }).reference ?? null;
}

export function maxMegabytes(model: ModelSpec): number {
  return model.reference.kind === "none" ? 0 : Math.round(model.reference.maxBytes / 1024 / 1024);
}

/** A size offered by any model of any connection (the fit action needs only its pixels). */
export function findOfferedSize(offers: readonly ConnectionOffer[], size: string): SizeOption | undefined {
  for (const offer of offers)
    for (const model of offer.models) {
      const found = findSize(model, size);
      if (found) return found;
    }
  return undefined;
}

/** The largest reference image any offered model accepts, in bytes. */
export function largestReferenceBytes(offers: readonly ConnectionOffer[]): number {
  const sizes = offers.flatMap((o) => o.models.map((m) => (m.reference.kind === "none" ? 0 : m.reference.maxBytes)));
  return Math.max(0, ...sizes);
}

/** Settings from a URL ("Use these settings again"), kept only where the registry allows them. */
export function prefillFromSearch(
  offers: readonly ConnectionOffer[],
  get: (key: string) => string | undefined,
): VideoFormValues {
  const offer = findOffer(offers, get("connection") ?? "") ?? offers.find((o) => o.models.length > 0) ?? offers[0];
  if (!offer || offer.models.length === 0) return { connectionId: "", model: "", size: "", seconds: 0, prompt: "" };
  const model = offer.models.find((m) => m.id === get("model")) ?? offer.models[0]!;
  const wanted = Number(get("seconds"));
  const choices = validChoices(
    model,
    { size: get("size") ?? undefined, seconds: Number.isFinite(wanted) && wanted > 0 ? wanted : undefined },
    overrideOf(offer, model.id),
  );
  const prompt = (get("prompt") ?? "").slice(0, model.promptMaxChars);
  return { connectionId: offer.id, model: model.id, size: choices.size, seconds: choices.seconds, prompt };
}

export { sizesOf };
