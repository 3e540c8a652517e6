// The one place integer cents become text. Cents are integers everywhere else (prices, budgets,
// charges); nothing divides them by 100 or calls toFixed on its own.

/** 1250 → "12.50", -5 → "-0.05": two decimals, no currency sign, no grouping (CSV, the base of the others). */
export function centsToDecimal(cents: number): string {
  const sign = cents < 0 ? "-" : "";
  const abs = Math.abs(Math.trunc(cents));
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, "0")}`;
}

/** "$6.00", "-$0.05": what a person reads, in every language (the studio prices in US dollars). */
export function formatUsd(cents: number): string {
  const decimal = centsToDecimal(cents);
  return decimal.startsWith("-") ? `-$${decimal.slice(1)}` : `$${decimal}`;
}

/** What a dollars input shows for a stored amount: 1250 → "12.50", none → "" (parseUsdToCents reads it back). */
export function centsToInput(cents: number | null | undefined): string {
  if (cents === null || cents === undefined) return "";
  return centsToDecimal(cents);
}

/**
 * Milli-cents (a thousandth of a cent: per-second rates go below a cent) as dollars, with as many
 * decimals as they need and at least two: 10000 → "$0.10", 2500 → "$0.025" (integer arithmetic only).
 */
export function formatUsdMilliCents(milliCents: number): string {
  if (milliCents % 1000 === 0) return formatUsd(milliCents / 1000);
  return `$${milliCentsToInput(milliCents)}`;
}

/** What a dollars input shows for a rate in milli-cents: 2500 → "0.025", 10000 → "0.10". */
export function milliCentsToInput(milliCents: number): string {
  if (milliCents % 1000 === 0) return centsToDecimal(milliCents / 1000);
  const whole = Math.floor(milliCents / 100_000);
  const fraction = String(milliCents % 100_000)
    .padStart(5, "0")
    .replace(/0+$/, "")
    .padEnd(2, "0");
  return `${whole}.${fraction}`;
}
