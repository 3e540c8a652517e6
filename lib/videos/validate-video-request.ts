import { checkCombination, findSize, type ModelSpec, type SizeOption } from "@/lib/models";
import { cleanMultilineText } from "@/lib/text/clean-text";

// The server's own check of a request against the registry. The form offers only valid
// choices, but actions are public endpoints: nothing reaches the provider unchecked.

export type VideoRequestField = "connection" | "prompt" | "model" | "size" | "seconds" | "reference";

export class VideoRequestError extends Error {
  constructor(
    readonly field: VideoRequestField,
    readonly messageKey: string,
    readonly params: Record<string, string | number> = {},
  ) {
    super(`${field}: ${messageKey}`);
  }
}

export type ReferenceImage = { bytes: Buffer; mimeType: string; width: number; height: number };

export type VideoRequest = {
  size: string;
  seconds: number;
  prompt: string;
  referenceImage?: ReferenceImage;
  /** The last frame, for models that take a first and a last image. */
  lastFrameImage?: ReferenceImage;
};

/** Throws the first problem (size, duration, reference, prompt); returns the prompt to send. */
export function validateVideoRequest(model: ModelSpec, req: VideoRequest): { size: SizeOption; prompt: string } {
  // The prompt that is stored and sent: control characters removed, line breaks kept as "\n"
  // (lib/text/clean-text.ts); a prompt of nothing else is an empty prompt.
  const prompt = cleanMultilineText(req.prompt);
  const images = [req.referenceImage, req.lastFrameImage].filter((i): i is ReferenceImage => Boolean(i));
  if (req.lastFrameImage && !req.referenceImage) throw new VideoRequestError("reference", "lastFrameNeedsFirst");
  const problems = checkCombination(model, {
    size: req.size,
    seconds: req.seconds,
    prompt,
    referenceImages: images.map((image) => ({
      mimeType: image.mimeType,
      bytes: image.bytes.byteLength,
      ...dims(image),
    })),
  });
  for (const field of ["size", "seconds", "reference", "prompt"] as const) {
    const problem = problems[field];
    if (problem) throw new VideoRequestError(field, problem.key, problem.params);
  }
  return { size: findSize(model, req.size)!, prompt };
}

const dims = (ref: ReferenceImage) => ({ width: ref.width, height: ref.height });
