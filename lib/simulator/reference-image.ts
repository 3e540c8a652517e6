import sharp from "sharp";
import { apiErrors } from "./errors";

const IMAGE_MIMETYPES = ["image/jpeg", "image/png", "image/webp"];
const IMAGE_FORMATS = ["jpeg", "png", "webp"];

export interface ReferenceUpload {
  bytes: Uint8Array;
  mimetype: string;
}

function checkMimetype(mimetype: string): void {
  if (IMAGE_MIMETYPES.includes(mimetype)) return;
  if (mimetype === "video/mp4") throw apiErrors.videoReferenceUnsupported();
  throw apiErrors.unsupportedMimetype(mimetype);
}

function fromDataUrl(url: string): ReferenceUpload {
  const match = /^data:([^;,]*)((?:;[^;,]*)*),(.*)$/s.exec(url);
  if (!match) {
    // CHOICE: the simulator is offline by design, so only data URLs can be read.
    throw apiErrors.invalidReferenceObject(
      "the simulator accepts only data URLs in 'image_url' (data:image/png;base64,...); it cannot fetch remote URLs.",
    );
  }
  const mimetype = (match[1] || "text/plain").toLowerCase();
  const isBase64 = (match[2] ?? "").toLowerCase().split(";").includes("base64");
  const payload = match[3] ?? "";
  checkMimetype(mimetype);
  const bytes = isBase64 ? Buffer.from(payload, "base64") : Buffer.from(decodeURIComponent(payload), "latin1");
  return { bytes, mimetype };
}

/**
 * Reads `input_reference` as either encoding sends it: an uploaded file (multipart) or an object
 * `{image_url}` / `{file_id}` (JSON, or bracketed form keys). Returns null when absent.
 */
export async function readReferenceField(value: unknown, encoding: "json" | "form"): Promise<ReferenceUpload | null> {
  if (value === undefined) return null;
  if (value instanceof Blob) {
    const mimetype = (value.type || "application/octet-stream").toLowerCase().split(";")[0] ?? "";
    checkMimetype(mimetype);
    return { bytes: new Uint8Array(await value.arrayBuffer()), mimetype };
  }
  if (typeof value === "string") {
    if (encoding === "form") throw apiErrors.referenceIsString();
    throw apiErrors.invalidType("input_reference", "an object", value);
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw apiErrors.invalidType("input_reference", encoding === "form" ? "a file" : "an object", value);
  }
  const ref = value as Record<string, unknown>;
  const unknownKey = Object.keys(ref).find((key) => key !== "image_url" && key !== "file_id");
  if (unknownKey !== undefined) throw apiErrors.unknownParameter(`input_reference.${unknownKey}`);
  const hasUrl = ref.image_url !== undefined;
  const hasFile = ref.file_id !== undefined;
  if (hasUrl === hasFile) throw apiErrors.invalidReferenceObject("provide exactly one of 'image_url' or 'file_id'.");
  if (hasFile) {
    if (typeof ref.file_id !== "string")
      throw apiErrors.invalidType("input_reference.file_id", "a string", ref.file_id);
    // CHOICE: the simulator has no Files API, so every file id is unknown.
    throw apiErrors.noSuchFile(ref.file_id);
  }
  if (typeof ref.image_url !== "string")
    throw apiErrors.invalidType("input_reference.image_url", "a string", ref.image_url);
  return fromDataUrl(ref.image_url);
}

export interface DecodedReference {
  width: number;
  height: number;
  /** What the bytes are, which may differ from the declared MIME type. */
  format: string;
}

export async function inspectReference(upload: ReferenceUpload): Promise<DecodedReference> {
  try {
    const meta = await sharp(upload.bytes).metadata();
    if (!meta.format || !IMAGE_FORMATS.includes(meta.format) || !meta.width || !meta.height)
      throw new Error("not an image");
    return { width: meta.width, height: meta.height, format: meta.format };
  } catch {
    throw apiErrors.undecodableImage();
  }
}

/**
 * Stores the reference as an opaque sRGB PNG of exactly the output size, the form the renderer
 * reads. `cover` only changes anything for profiles that accept other sizes.
 */
export async function normaliseReference(upload: ReferenceUpload, width: number, height: number): Promise<Buffer> {
  return sharp(upload.bytes)
    .resize(width, height, { fit: "cover" })
    .flatten({ background: "#000000" })
    .toColourspace("srgb")
    .png()
    .toBuffer();
}
