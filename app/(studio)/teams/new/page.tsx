import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requireUser } from "@/lib/auth/current-user";
import { Card } from "@/components/ui/card";
import { CreateTeamForm } from "@/components/shell/create-team-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("teams"))("newTitle") };
}

export default async function NewTeamPage() {
  await requireUser();
  const t = await getTranslations();
  return (
    <main id="main" className="mx-auto max-w-md px-4 py-16">
      <Link href="/" className="mb-6 inline-block text-sm text-brand-600 hover:underline dark:text-brand-100">
        ← {t("errors.backHome")}
      </Link>
      <Card>
        <h1 className="text-xl font-semibold">{t("teams.newTitle")}</h1>
        <p className="mt-1 mb-5 text-sm text-slate-600 dark:text-slate-400">{t("teams.newLead")}</p>
        <CreateTeamForm />
      </Card>
    </main>
  );
}
