// A spend month is a calendar month in UTC, written "2026-10" (the ?month= parameter).
export type SpendMonth = { key: string; start: Date; end: Date; days: number };

function make(year: number, monthIndex: number): SpendMonth {
  const start = new Date(Date.UTC(year, monthIndex, 1));
  const end = new Date(Date.UTC(year, monthIndex + 1, 1));
  const key = `${start.getUTCFullYear()}-${String(start.getUTCMonth() + 1).padStart(2, "0")}`;
  return { key, start, end, days: Math.round((end.getTime() - start.getTime()) / 86_400_000) };
}

export function monthOf(date: Date): SpendMonth {
  return make(date.getUTCFullYear(), date.getUTCMonth());
}

/** "2026-10" → that month; anything else (or absent) → null. */
export function parseMonthKey(value: unknown): SpendMonth | null {
  if (typeof value !== "string") return null;
  const m = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(value);
  if (!m) return null;
  const year = Number(m[1]);
  if (year < 2000 || year > 2100) return null;
  return make(year, Number(m[2]) - 1);
}

export function shiftMonth(month: SpendMonth, by: number): SpendMonth {
  return make(month.start.getUTCFullYear(), month.start.getUTCMonth() + by);
}

/** Months from `from` to `to`, newest first, at most `limit`. */
export function monthsBetween(from: Date, to: Date, limit = 36): SpendMonth[] {
  const out: SpendMonth[] = [];
  let cursor = monthOf(to);
  const first = monthOf(from).key;
  while (out.length < limit) {
    out.push(cursor);
    if (cursor.key <= first) break;
    cursor = shiftMonth(cursor, -1);
  }
  return out;
}

/** "2026-10-07" for each day of the month. */
export function daysOf(month: SpendMonth): string[] {
  return Array.from({ length: month.days }, (_, i) =>
    new Date(month.start.getTime() + i * 86_400_000).toISOString().slice(0, 10),
  );
}
