import { apiErrors, SimulatorHttpError } from "./errors";

/** A parsed request body: JSON values, or form strings and files nested by bracketed keys. */
export type BodyFields = Record<string, unknown>;

export interface ParsedBody {
  encoding: "json" | "form";
  fields: BodyFields;
}

const KEY = /^([^[\]]+)((?:\[[^[\]]*\])*)$/;

/** `input_reference[image_url]` → ["input_reference", "image_url"]; `tags[]` → ["tags", ""]. */
export function splitBracketedKey(key: string): string[] {
  const match = KEY.exec(key);
  if (!match) return [key];
  const segments = [...(match[2] ?? "").matchAll(/\[([^[\]]*)\]/g)].map((m) => m[1] ?? "");
  return [match[1] ?? key, ...segments];
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value) && !(value instanceof Blob);
}

/**
 * Nests form entries the way the openai SDK flattens objects (`input_reference[image_url]`).
 * The Videos API has no array parameters, so `key[]` gets no special meaning.
 */
export function nestFormEntries(entries: Iterable<[string, string | File]>): BodyFields {
  const root: BodyFields = {};
  for (const [key, value] of entries) {
    const path = splitBracketedKey(key);
    const leaf = path.pop() ?? key;
    let node = root;
    for (const segment of path) {
      // A scalar and a nested key under one name (`a=1`, `a[b]=2`): the nested form wins.
      if (!isPlainObject(node[segment])) node[segment] = {};
      node = node[segment] as BodyFields;
    }
    // CHOICE: a repeated key keeps its last value.
    node[leaf] = value;
  }
  return root;
}

/** Reads a JSON or form body (multipart or urlencoded); anything else answers 400. */
export async function readBody(request: Request): Promise<ParsedBody> {
  const contentType = (request.headers.get("content-type") ?? "").toLowerCase();
  if (contentType.startsWith("multipart/form-data") || contentType.startsWith("application/x-www-form-urlencoded")) {
    let form: FormData;
    try {
      form = await request.formData();
    } catch {
      throw new SimulatorHttpError(400, {
        message: "Could not parse the multipart form body of your request.",
        type: "invalid_request_error",
        param: null,
        code: null,
      });
    }
    return { encoding: "form", fields: nestFormEntries(form.entries() as Iterable<[string, string | File]>) };
  }
  // CHOICE: a body sent without any Content-Type is read as JSON.
  if (contentType === "" || contentType.startsWith("application/json") || contentType.includes("+json")) {
    const text = await request.text();
    if (text.trim() === "") return { encoding: "json", fields: {} };
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      throw apiErrors.invalidJson();
    }
    if (!isPlainObject(parsed)) throw apiErrors.invalidJson();
    return { encoding: "json", fields: parsed };
  }
  throw apiErrors.unsupportedContentType(contentType.split(";")[0] ?? contentType);
}

export function rejectUnknownFields(fields: BodyFields, allowed: readonly string[]): void {
  for (const key of Object.keys(fields)) {
    if (!allowed.includes(key)) throw apiErrors.unknownParameter(key);
  }
}
