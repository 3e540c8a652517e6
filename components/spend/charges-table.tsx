import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import type { ChargeRow } from "@/lib/spend/spend-report";
import { formatUsd } from "@/lib/money/format";
import { signedUsd } from "@/lib/spend/signed-usd";

export const CHARGES_SHOWN = 200;

/** Every charge of the month (newest first), each linked to its video in the gallery. */
export async function ChargesTable({
  teamId,
  charges,
  showMember,
}: {
  teamId: string;
  charges: ChargeRow[];
  showMember: boolean;
}) {
  const t = await getTranslations("spendPage");
  const format = await getFormatter();
  const tc = await getTranslations("catalogue.spend");
  if (!charges.length) return <p className="text-sm text-slate-600 dark:text-slate-400">{t("noCharges")}</p>;
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-sm">
        <caption className="sr-only">{t("chargesTitle")}</caption>
        <thead>
          <tr className="text-left text-slate-500">
            <th scope="col" className="py-1 pr-3 font-medium">
              {t("when")}
            </th>
            {showMember ? (
              <th scope="col" className="py-1 pr-3 font-medium">
                {t("member")}
              </th>
            ) : null}
            <th scope="col" className="py-1 pr-3 font-medium">
              {t("model")}
            </th>
            <th scope="col" className="py-1 pr-3 font-medium">
              {t("video")}
            </th>
            <th scope="col" className="py-1 text-right font-medium">
              {t("amount")}
            </th>
            <th scope="col" className="py-1 pl-3 text-right font-medium">
              {tc("difference")}
            </th>
          </tr>
        </thead>
        <tbody>
          {charges.slice(0, CHARGES_SHOWN).map((c) => (
            <tr key={c.id} className="border-t border-slate-100 dark:border-slate-800">
              <td className="py-1.5 pr-3 whitespace-nowrap tabular-nums">
                {format.dateTime(new Date(c.createdAt), { dateStyle: "medium", timeStyle: "short" })}
              </td>
              {showMember ? <td className="py-1.5 pr-3">{c.user.name}</td> : null}
              <td className="py-1.5 pr-3 whitespace-nowrap">
                {c.model} · {c.size} · {t("seconds", { seconds: c.seconds })}
              </td>
              <td className="py-1.5 pr-3">
                <Link
                  className="font-medium text-brand-600 hover:underline dark:text-brand-100"
                  href={`/t/${teamId}/gallery/${c.taskId}`}
                >
                  {t("openVideo")}
                </Link>
              </td>
              <td className="py-1.5 text-right tabular-nums">{formatUsd(c.amountCents)}</td>
              <td
                className="py-1.5 pl-3 text-right text-xs whitespace-nowrap text-slate-500 tabular-nums dark:text-slate-400"
                title={tc("estimateWas", { estimate: formatUsd(c.estimateCents) })}
              >
                {c.amountCents === c.estimateCents ? "—" : signedUsd(c.amountCents - c.estimateCents)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {charges.length > CHARGES_SHOWN ? (
        <p className="mt-2 text-xs text-slate-500">{t("moreInCsv", { shown: CHARGES_SHOWN, total: charges.length })}</p>
      ) : null}
    </div>
  );
}
