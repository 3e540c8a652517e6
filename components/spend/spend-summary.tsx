import { getTranslations } from "next-intl/server";
import type { SpendReport } from "@/lib/spend/spend-report";
import { formatUsd } from "@/lib/money/format";

function Figure({ label, value, note }: { label: string; value: string; note?: string }) {
  return (
    <div className="rounded-2xl border border-slate-200 bg-white p-4 shadow-sm dark:border-slate-800 dark:bg-slate-900">
      <dt className="text-sm text-slate-600 dark:text-slate-400">{label}</dt>
      <dd className="mt-1 text-2xl font-semibold tabular-nums">{value}</dd>
      {note ? <dd className="mt-1 text-xs text-slate-500">{note}</dd> : null}
    </div>
  );
}

/** The month's headline numbers: team spend, open reservations, budget left, and one's own. */
export async function SpendSummary({ report }: { report: SpendReport }) {
  const t = await getTranslations("spendPage");
  const { team, own } = report;
  return (
    <dl className="mb-6 grid gap-4 sm:grid-cols-2 xl:grid-cols-4">
      <Figure label={t("teamSpent")} value={formatUsd(team.spentCents)} />
      <Figure
        label={t("openReservations")}
        value={formatUsd(team.reservedCents)}
        note={report.current ? t("reservationsNote") : t("reservationsPast")}
      />
      <Figure
        label={t("teamRemaining")}
        value={team.remainingCents === null ? t("noBudget") : formatUsd(team.remainingCents)}
        note={team.budgetCents === null ? undefined : t("ofBudget", { budget: formatUsd(team.budgetCents) })}
      />
      <Figure
        label={t("youSpent")}
        value={formatUsd(own.spentCents)}
        note={
          own.capCents === null
            ? t("noCap")
            : t("capLeft", { cap: formatUsd(own.capCents), left: formatUsd(own.remainingCents ?? 0) })
        }
      />
    </dl>
  );
}
