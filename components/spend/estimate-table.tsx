import { getTranslations } from "next-intl/server";
import { formatUsd } from "@/lib/money/format";
import type { EstimateRow } from "@/lib/spend/spend-report";
import { signedUsd } from "@/lib/spend/signed-usd";

/** Per model: the estimates shown at submit, what was charged (the providers' bills), the difference. */
export async function EstimateTable({ rows }: { rows: EstimateRow[] }) {
  const t = await getTranslations("catalogue.spend");
  if (!rows.length) return <p className="text-sm text-slate-600 dark:text-slate-400">{t("empty")}</p>;
  const total = rows.reduce(
    (s, r) => ({ estimate: s.estimate + r.estimateCents, charged: s.charged + r.chargedCents }),
    { estimate: 0, charged: 0 },
  );
  const cell = "py-1.5 pl-3 text-right tabular-nums whitespace-nowrap";
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-sm" data-testid="estimate-table">
        <caption className="sr-only">{t("title")}</caption>
        <thead>
          <tr className="text-left text-slate-500">
            <th scope="col" className="py-1 font-medium">
              {t("model")}
            </th>
            <th scope="col" className="py-1 pl-3 text-right font-medium">
              {t("videos")}
            </th>
            <th scope="col" className="py-1 pl-3 text-right font-medium">
              {t("estimated")}
            </th>
            <th scope="col" className="py-1 pl-3 text-right font-medium">
              {t("charged")}
            </th>
            <th scope="col" className="py-1 pl-3 text-right font-medium">
              {t("difference")}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.model} className="border-t border-slate-100 dark:border-slate-800" data-model={r.model}>
              <th scope="row" className="py-1.5 pr-2 text-left font-normal break-all">
                {r.model}
              </th>
              <td className={cell}>{r.count}</td>
              <td className={cell}>{formatUsd(r.estimateCents)}</td>
              <td className={cell}>{formatUsd(r.chargedCents)}</td>
              <td className={`${cell} ${r.differenceCents > 0 ? "text-amber-700 dark:text-amber-300" : ""}`}>
                {signedUsd(r.differenceCents)}
              </td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr className="border-t border-slate-300 font-medium dark:border-slate-700">
            <th scope="row" className="py-1.5 text-left">
              {t("total")}
            </th>
            <td className={cell} />
            <td className={cell}>{formatUsd(total.estimate)}</td>
            <td className={cell}>{formatUsd(total.charged)}</td>
            <td className={cell}>{signedUsd(total.charged - total.estimate)}</td>
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
