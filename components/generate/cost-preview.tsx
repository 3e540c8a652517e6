"use client";

import { useTranslations } from "next-intl";
import { formatUsd } from "@/lib/money/format";

export type BudgetSummary = {
  spentCents: number;
  reservedCents: number;
  teamRemainingCents: number | null;
  memberRemainingCents: number | null;
};

/** How the price is made, already in words (from the registry's unit): see GenerateForm. */
export type PriceBasis = { unit: string; billing: string; overridden: boolean };

type Props = {
  model: string;
  size: string;
  seconds: number;
  costCents: number | null;
  basis: PriceBasis | null;
  budget: BudgetSummary;
  /** Variations submitted together: the total (count × the unit cost) is shown before the submit. */
  count?: number;
};

/**
 * The exact price from the registry (estimateCents), the unit it comes from (per second × seconds,
 * per request, per clip), when it is billed, whether an admin set it, and what this month has cost.
 */
export function CostPreview({ model, size, seconds, costCents, basis, budget, count = 1 }: Props) {
  const t = useTranslations("generate");
  const tv = useTranslations("variations");
  const limits = [budget.teamRemainingCents, budget.memberRemainingCents].filter((v): v is number => v !== null);
  const left = limits.length ? Math.min(...limits) : null;
  const totalCents = costCents === null ? null : costCents * count;
  const over = totalCents !== null && left !== null && totalCents > left;
  return (
    <section aria-labelledby="cost-title" className="flex flex-col gap-2">
      <h2 id="cost-title" className="text-sm font-semibold tracking-wide text-slate-500 uppercase dark:text-slate-400">
        {t("costTitle")}
      </h2>
      <p data-testid="cost-line" aria-live="polite" className="text-lg font-semibold tabular-nums">
        {t("costLine", { model, size, seconds, price: costCents === null ? "—" : formatUsd(costCents) })}
      </p>
      {count > 1 ? (
        <div className="rounded-lg bg-brand-50 px-3 py-2 dark:bg-slate-800">
          <p className="text-xs font-medium text-slate-600 dark:text-slate-300">{tv("totalLabel", { count })}</p>
          <p data-testid="cost-total" aria-live="polite" className="text-lg font-semibold tabular-nums">
            {tv("total", {
              count,
              unit: costCents === null ? "—" : formatUsd(costCents),
              total: totalCents === null ? "—" : formatUsd(totalCents),
            })}
          </p>
        </div>
      ) : null}
      {basis ? (
        <div className="flex flex-col gap-1 text-sm">
          <p data-testid="cost-unit" className="text-slate-700 dark:text-slate-300">
            {basis.unit}
          </p>
          <p data-testid="cost-billing" className="text-xs text-slate-500 dark:text-slate-400">
            {basis.billing}
          </p>
          {basis.overridden ? (
            <p data-testid="cost-overridden" className="text-xs font-medium text-amber-700 dark:text-amber-300">
              {t("priceByAdmin")}
            </p>
          ) : null}
        </div>
      ) : null}
      <ul className="space-y-0.5 text-sm text-slate-600 dark:text-slate-400">
        <li data-testid="month-spend">{t("spentThisMonth", { amount: formatUsd(budget.spentCents) })}</li>
        {budget.reservedCents > 0 ? <li>{t("reserved", { amount: formatUsd(budget.reservedCents) })}</li> : null}
        {budget.teamRemainingCents !== null ? (
          <li>{t("teamLeft", { amount: formatUsd(budget.teamRemainingCents) })}</li>
        ) : (
          <li>{t("noBudget")}</li>
        )}
        {budget.memberRemainingCents !== null ? (
          <li>{t("memberLeft", { amount: formatUsd(budget.memberRemainingCents) })}</li>
        ) : null}
      </ul>
      {over ? (
        <p role="status" className="text-sm font-medium text-amber-700 dark:text-amber-300">
          {count > 1
            ? tv("overBudgetPreview", { count, total: formatUsd(totalCents ?? 0), left: formatUsd(left ?? 0) })
            : t("overBudget", { amount: formatUsd(left ?? 0) })}
        </p>
      ) : null}
    </section>
  );
}
