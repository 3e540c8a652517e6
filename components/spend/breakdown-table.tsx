import { formatUsd } from "@/lib/money/format";

type Row = { key: string; label: string; cents: number; count: number };

/** A small "who/what cost how much" table with a proportion bar per row. */
export function BreakdownTable({
  caption,
  nameHeader,
  countHeader,
  amountHeader,
  rows,
  empty,
}: {
  caption: string;
  nameHeader: string;
  countHeader: string;
  amountHeader: string;
  rows: Row[];
  empty: string;
}) {
  const total = rows.reduce((s, r) => s + r.cents, 0) || 1;
  if (!rows.length) return <p className="text-sm text-slate-600 dark:text-slate-400">{empty}</p>;
  return (
    <table className="w-full text-sm">
      <caption className="sr-only">{caption}</caption>
      <thead>
        <tr className="text-left text-slate-500">
          <th scope="col" className="py-1 font-medium">
            {nameHeader}
          </th>
          <th scope="col" className="py-1 text-right font-medium">
            {countHeader}
          </th>
          <th scope="col" className="py-1 text-right font-medium">
            {amountHeader}
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.key} className="border-t border-slate-100 dark:border-slate-800">
            <th scope="row" className="py-1.5 pr-2 text-left font-normal">
              {r.label}
              <span
                aria-hidden
                className="mt-1 block h-1.5 rounded-full bg-brand-600/80"
                style={{ width: `${Math.max(2, (r.cents / total) * 100)}%` }}
              />
            </th>
            <td className="py-1.5 text-right tabular-nums">{r.count}</td>
            <td className="py-1.5 text-right tabular-nums">{formatUsd(r.cents)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
