import { z } from "zod";
import { cleanSingleLineText, hasControlCharacters } from "./clean-text";

// The zod pieces of lib/text/clean-text.ts for form schemas: the text is cleaned first, so a
// value that was only control characters meets the field's normal "required" message.

/** A one-line name: cleaned, then required and bounded with the caller's message keys. */
export function singleLineText(messages: { required: string; tooLong: string }, max: number) {
  return z.string().overwrite(cleanSingleLineText).min(1, messages.required).max(max, messages.tooLong);
}

/** For values that are refused rather than cleaned (URLs, keys): trimmed, and no control characters. */
export function noControlText(message: string) {
  return z
    .string()
    .trim()
    .refine((v) => !hasControlCharacters(v), message);
}
