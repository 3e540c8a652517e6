import { getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";

/** What a member sees on a page their role does not open (a non-member gets the 404 instead). */
export async function ForbiddenNotice() {
  const t = await getTranslations("teamErrors");
  return (
    <Card>
      <h2 className="text-lg font-semibold">{t("forbiddenTitle")}</h2>
      <p className="mt-1 text-slate-600 dark:text-slate-400">{t("forbidden")}</p>
    </Card>
  );
}
