import { getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";

/** Describes what a section will hold until its issue is built, instead of an empty page. */
export async function SectionPreview({ items }: { items: string }) {
  const t = await getTranslations("sections");
  return (
    <Card>
      <h2 className="mb-3 text-sm font-semibold uppercase tracking-wide text-slate-500 dark:text-slate-400">{t("comingTitle")}</h2>
      <ul className="list-disc space-y-1 pl-5 text-slate-700 dark:text-slate-300">
        {items.split(" · ").map((item) => (
          <li key={item}>{item}</li>
        ))}
      </ul>
    </Card>
  );
}
