import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import type { SpendMonth } from "@/lib/money/month";
import { AutoSubmitSelect } from "@/components/shell/auto-submit-select";
import { buttonClass } from "@/components/ui/button";

/** Earlier months: a select that submits on change (a GET form, so the month is in the URL). */
export async function MonthPicker({
  basePath,
  months,
  current,
}: {
  basePath: string;
  months: SpendMonth[];
  current: string;
}) {
  const t = await getTranslations("spendPage");
  const format = await getFormatter();
  const index = months.findIndex((m) => m.key === current);
  const older = index >= 0 ? months[index + 1] : undefined;
  const newer = index > 0 ? months[index - 1] : undefined;
  return (
    <div className="flex flex-wrap items-center gap-2">
      {older ? (
        <Link
          className={buttonClass("ghost", "px-2")}
          href={`${basePath}?month=${older.key}`}
          aria-label={t("olderMonth")}
        >
          ←
        </Link>
      ) : null}
      <form method="get" action={basePath} className="w-44">
        <AutoSubmitSelect id="spend-month" name="month" defaultValue={current} label={t("month")}>
          {months.map((m) => (
            <option key={m.key} value={m.key}>
              {format.dateTime(m.start, { year: "numeric", month: "long" })}
            </option>
          ))}
        </AutoSubmitSelect>
        <noscript>
          <button type="submit">{t("show")}</button>
        </noscript>
      </form>
      {newer ? (
        <Link
          className={buttonClass("ghost", "px-2")}
          href={`${basePath}?month=${newer.key}`}
          aria-label={t("newerMonth")}
        >
          →
        </Link>
      ) : null}
    </div>
  );
}
