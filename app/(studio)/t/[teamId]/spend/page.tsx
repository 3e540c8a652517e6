import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { centsToInput, formatUsd } from "@/lib/money/format";
import { monthOf, monthsBetween, parseMonthKey } from "@/lib/money/month";
import { teamSpendReport } from "@/lib/spend/spend-queries";
import { can } from "@/lib/teams/permissions";
import { requireTeam } from "@/lib/auth/require-team";
import { Card, PageHeader } from "@/components/ui/card";
import { BreakdownTable } from "@/components/spend/breakdown-table";
import { BudgetForm } from "@/components/spend/budget-form";
import { ChargesTable } from "@/components/spend/charges-table";
import { EstimateTable } from "@/components/spend/estimate-table";
import { MonthPicker } from "@/components/spend/month-picker";
import { SpendBarChart } from "@/components/spend/spend-bar-chart";
import { SpendSummary } from "@/components/spend/spend-summary";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("nav"))("spend") };
}

export default async function SpendPage({
  params,
  searchParams,
}: {
  params: Promise<{ teamId: string }>;
  searchParams: Promise<{ month?: string }>;
}) {
  const { team, user, role } = await requireTeam((await params).teamId);
  const t = await getTranslations("spendPage");
  const tc = await getTranslations("catalogue.spend");
  const format = await getFormatter();
  const now = new Date();
  const thisMonth = monthOf(now);
  const asked = parseMonthKey((await searchParams).month);
  const month = asked && asked.key <= thisMonth.key ? asked : thisMonth;
  const report = await teamSpendReport(user.id, team.id, month, now);
  const months = monthsBetween(new Date(report.firstMonthAt), now);
  if (!months.some((m) => m.key === month.key)) months.push(month);
  const monthName = format.dateTime(month.start, { year: "numeric", month: "long" });
  const total = report.byDay.reduce((s, d) => s + d.cents, 0);
  const peak = report.byDay.reduce((best, d) => (d.cents > best.cents ? d : best), { day: "", cents: 0 });
  const basePath = `/t/${team.id}/spend`;
  return (
    <>
      <PageHeader
        title={t("title")}
        lead={report.scope === "team" ? t("leadTeam", { month: monthName }) : t("leadOwn", { month: monthName })}
      />
      <div className="mb-6 flex flex-wrap items-center justify-between gap-3">
        <MonthPicker basePath={basePath} months={months} current={month.key} />
        <a
          className="text-sm font-medium text-brand-600 hover:underline dark:text-brand-100"
          href={`/api/teams/${team.id}/spend/csv?month=${month.key}`}
          download
        >
          {t("downloadCsv")}
        </a>
      </div>
      <SpendSummary report={report} />
      <div className="mb-6 grid gap-6 xl:grid-cols-[2fr_1fr]">
        <Card>
          <h2 className="mb-3 font-semibold">{t("byDay")}</h2>
          <SpendBarChart
            title={t("chartTitle", { month: monthName })}
            description={
              total > 0
                ? t("chartSummary", { total: formatUsd(total), peak: formatUsd(peak.cents), day: peak.day })
                : t("chartEmpty")
            }
            tableLabel={t("showTable")}
            dayLabel={t("day")}
            amountLabel={t("amount")}
            days={report.byDay}
          />
        </Card>
        <div className="flex flex-col gap-6">
          <Card>
            <h2 className="mb-3 font-semibold">{t("byModel")}</h2>
            <BreakdownTable
              caption={t("byModel")}
              nameHeader={t("model")}
              countHeader={t("videos")}
              amountHeader={t("amount")}
              empty={t("noCharges")}
              rows={report.byModel.map((m) => ({ key: m.model, label: m.model, cents: m.cents, count: m.count }))}
            />
          </Card>
          {report.scope === "team" ? (
            <Card>
              <h2 className="mb-3 font-semibold">{t("byMember")}</h2>
              <BreakdownTable
                caption={t("byMember")}
                nameHeader={t("member")}
                countHeader={t("videos")}
                amountHeader={t("amount")}
                empty={t("noCharges")}
                rows={report.byMember.map((m) => ({ key: m.userId, label: m.name, cents: m.cents, count: m.count }))}
              />
            </Card>
          ) : null}
          {can(role, "budget.manage") ? (
            <Card>
              <h2 className="mb-3 font-semibold">{t("budgetTitle")}</h2>
              <BudgetForm teamId={team.id} budgetInput={centsToInput(report.team.budgetCents)} />
            </Card>
          ) : null}
        </div>
      </div>
      <Card className="mb-6">
        <h2 className="font-semibold">{tc("title")}</h2>
        <p className="mb-3 text-sm text-slate-600 dark:text-slate-400">{tc("lead")}</p>
        <EstimateTable rows={report.estimateByModel} />
      </Card>
      <Card>
        <h2 className="mb-3 font-semibold">{report.scope === "team" ? t("chargesTitle") : t("yourChargesTitle")}</h2>
        <ChargesTable teamId={team.id} charges={report.charges} showMember={report.scope === "team"} />
      </Card>
    </>
  );
}
