// One rule for free text a person types before it is stored (docs/decisions/031-text-input.md):
// - C0 controls (NUL included) except tab and line feed, DEL and the C1 controls are removed:
//   PostgreSQL refuses NUL in text and none of them means anything in a name or a prompt;
// - line breaks of every kind (CRLF, CR, NEL, U+2028, U+2029) become "\n";
// - lone surrogates become U+FFFD, as the database driver would otherwise do silently;
// - leading and trailing whitespace is trimmed.
// Single-line text (names) also turns each run of tabs and line breaks into one space.

const LINE_BREAKS = /\r\n|[\r\u0085\u2028\u2029]/g;
const CONTROLS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g;
const TABS_AND_BREAKS = /[ \t\n]*[\t\n][ \t\n]*/g;

/** Text that may span lines (prompts): controls removed, line breaks as "\n", trimmed. */
export function cleanMultilineText(value: string): string {
  return value.toWellFormed().replace(LINE_BREAKS, "\n").replace(CONTROLS, "").trim();
}

/** Text of one line (names): as cleanMultilineText, then tabs and line breaks become one space. */
export function cleanSingleLineText(value: string): string {
  return cleanMultilineText(value).replace(TABS_AND_BREAKS, " ").trim();
}

/** True when `value` holds a character the cleaning would remove (for values refused, not cleaned: URLs, keys). */
export function hasControlCharacters(value: string): boolean {
  return /[\u0000-\u001F\u007F-\u009F\u2028\u2029]/.test(value);
}
