import { ApiError, apiErrors } from "./api-error";

// Reads POST /videos and POST /videos/{id}/remix bodies the ways OpenAI accepts them: multipart
// (what the official SDKs send, files and all), JSON, or a urlencoded form. `seconds` may be the
// text "8" (OpenAI's type) or a number. `input_reference` is a file part, or in JSON an object
// with an `image_url` that is a data: URL (the studio fetches no addresses for a caller).

export type CreateFields = {
  model: string | null;
  prompt: string | null;
  seconds: string | null;
  size: string | null;
  connection: string | null;
  inputReference: File | null;
};

const MAX_TEXT = 200_000;

function text(value: unknown, param: string): string | null {
  if (value === undefined || value === null) return null;
  if (typeof value === "number" && Number.isFinite(value)) return String(value);
  if (typeof value !== "string") throw apiErrors.invalid(param, `Invalid type for '${param}': expected a string.`);
  if (value.length > MAX_TEXT) throw apiErrors.invalid(param, `'${param}' is too long.`);
  return value;
}

function dataUrlFile(value: unknown): File {
  const url = value && typeof value === "object" ? (value as Record<string, unknown>).image_url : undefined;
  if ((value as Record<string, unknown> | null)?.file_id !== undefined)
    throw apiErrors.invalid("input_reference", "The studio keeps no uploaded files: send the image itself.");
  const match = typeof url === "string" ? /^data:(image\/[a-z0-9.+-]+);base64,([A-Za-z0-9+/=\s]+)$/i.exec(url) : null;
  if (!match)
    throw apiErrors.invalid(
      "input_reference",
      'Send \'input_reference\' as a file part (multipart), or in JSON as {"image_url": "data:image/png;base64,…"}.',
    );
  const bytes = Buffer.from(match[2]!.replace(/\s/g, ""), "base64");
  return new File([bytes], "input_reference", { type: match[1]!.toLowerCase() });
}

async function readBody(request: Request): Promise<Record<string, unknown>> {
  const type = (request.headers.get("content-type") ?? "").toLowerCase();
  try {
    if (type.startsWith("multipart/form-data") || type.startsWith("application/x-www-form-urlencoded")) {
      const form = await request.formData();
      const fields: Record<string, unknown> = {};
      for (const [key, value] of form.entries()) {
        // The SDKs send nested objects as bracketed keys: input_reference[image_url].
        const nested = /^input_reference\[(image_url|file_id)\]$/.exec(key);
        if (nested) fields.input_reference = { [nested[1]!]: value };
        else fields[key] = value;
      }
      return fields;
    }
    const body: unknown = await request.json();
    if (!body || typeof body !== "object" || Array.isArray(body)) throw new Error("not an object");
    return body as Record<string, unknown>;
  } catch (error) {
    if (error instanceof ApiError) throw error;
    throw apiErrors.invalid(null, "The request body could not be read: send JSON or multipart/form-data.");
  }
}

export async function readCreateFields(request: Request): Promise<CreateFields> {
  const body = await readBody(request);
  const reference = body.input_reference;
  let inputReference: File | null = null;
  if (reference instanceof File) inputReference = reference.size > 0 ? reference : null;
  else if (typeof reference === "string" && reference !== "")
    throw apiErrors.invalid(
      "input_reference",
      "Invalid type for 'input_reference': expected a file, but got a string instead.",
      "invalid_type",
    );
  else if (reference !== undefined && reference !== null && reference !== "") inputReference = dataUrlFile(reference);
  return {
    model: text(body.model, "model"),
    prompt: text(body.prompt, "prompt"),
    seconds: text(body.seconds, "seconds"),
    size: text(body.size, "size"),
    connection: text(body.connection, "connection"),
    inputReference,
  };
}

/** The Idempotency-Key header, scoped to the token: printable ASCII, at most 200 characters. */
export function idempotencyKeyOf(request: Request, tokenId: string): { key: string; given: boolean } {
  const header = request.headers.get("idempotency-key");
  if (header === null) return { key: `api:${tokenId}:${crypto.randomUUID()}`, given: false };
  if (!/^[\x21-\x7e]{1,200}$/.test(header))
    throw apiErrors.invalid(null, "The Idempotency-Key header must be 1 to 200 printable ASCII characters.");
  return { key: `api:${tokenId}:${header}`, given: true };
}
