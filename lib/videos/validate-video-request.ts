import { cleanMultilineText } from "@/lib/text/clean-text";
import { CHANNELS, findModel, findSize, type ChannelId } from "./model-registry";

// The server's own check of a request against the registry. The form offers only valid
// choices, but actions are public endpoints: nothing reaches the provider unchecked.

export class VideoRequestError extends Error {
  constructor(
    readonly field: "prompt" | "model" | "size" | "seconds" | "reference",
    readonly messageKey: string,
    readonly params: Record<string, string | number> = {},
  ) {
    super(`${field}: ${messageKey}`);
  }
}

export type ReferenceImage = { bytes: Buffer; mimeType: string; width: number; height: number };

export type VideoRequest = {
  model: string;
  size: string;
  seconds: number;
  prompt: string;
  referenceImage?: ReferenceImage;
};

export function validateVideoRequest(channel: ChannelId, req: VideoRequest) {
  const model = findModel(channel, req.model);
  if (!model) throw new VideoRequestError("model", "unknownModel", { model: req.model });
  const size = findSize(model, req.size);
  if (!size)
    throw new VideoRequestError("size", "sizeNotAllowed", {
      model: model.id,
      sizes: model.sizes.map((s) => s.size).join(", "),
    });
  if (!model.durations.includes(req.seconds)) {
    throw new VideoRequestError("seconds", "durationNotAllowed", { durations: model.durations.join(", ") });
  }
  // The prompt that is stored and sent: control characters removed, line breaks kept as "\n"
  // (lib/text/clean-text.ts); a prompt of nothing else is an empty prompt.
  const prompt = cleanMultilineText(req.prompt);
  if (prompt.length === 0) throw new VideoRequestError("prompt", "promptRequired");
  if (prompt.length > model.promptMaxChars)
    throw new VideoRequestError("prompt", "promptTooLong", { max: model.promptMaxChars });
  const ref = req.referenceImage;
  if (ref) {
    if (!model.reference.mimeTypes.includes(ref.mimeType)) throw new VideoRequestError("reference", "referenceType");
    if (ref.bytes.byteLength > model.reference.maxBytes) {
      throw new VideoRequestError("reference", "referenceTooLarge", {
        maxMb: Math.round(model.reference.maxBytes / 1024 / 1024),
      });
    }
    if (model.reference.mustMatchSize && (ref.width !== size.width || ref.height !== size.height)) {
      throw new VideoRequestError("reference", "referenceSizeMismatch", {
        width: ref.width,
        height: ref.height,
        required: size.size,
      });
    }
  }
  return { model, size, prompt, channelSpec: CHANNELS[channel] };
}
