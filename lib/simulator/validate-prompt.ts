import { apiErrors } from "./errors";

/** CHOICE: length in characters (code points), not UTF-16 units, so an emoji counts once. */
export function promptLength(prompt: string): number {
  let count = 0;
  for (const _ of prompt) count += 1;
  return count;
}

export function validatePrompt(value: unknown, maxLength: number, param = "prompt"): string {
  if (value === undefined) throw apiErrors.missingParameter(param);
  if (typeof value !== "string") throw apiErrors.invalidType(param, "a string", value);
  if (value.length === 0) throw apiErrors.stringTooShort(param, 1);
  const length = promptLength(value);
  if (length > maxLength) throw apiErrors.stringTooLong(param, maxLength, length);
  return value;
}
