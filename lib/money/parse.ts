// Dollars typed by a person ("12.50", "12.5", "$12") to integer cents, without floating point:
// the digits are split as text, so 0.1 + 0.2 never happens. lib/money/format.ts goes the other way.
export const MAX_USD_CENTS = 1_000_000_000; // $10,000,000.00: fits a 32-bit integer column.

export type ParsedUsd = { ok: true; cents: number } | { ok: false; reason: "format" | "tooLarge" };

export function parseUsdToCents(input: string): ParsedUsd {
  const text = input.trim().replace(/^\$\s*/, "");
  const match = /^(\d{1,10})(?:\.(\d{0,2}))?$/.exec(text) ?? /^()\.(\d{1,2})$/.exec(text);
  if (!match) return { ok: false, reason: "format" };
  const whole = match[1] ? Number(match[1]) : 0;
  const fraction = Number((match[2] ?? "").padEnd(2, "0"));
  const cents = whole * 100 + fraction;
  if (cents > MAX_USD_CENTS) return { ok: false, reason: "tooLarge" };
  return { ok: true, cents };
}
