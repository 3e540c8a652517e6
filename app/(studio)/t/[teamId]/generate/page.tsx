import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { requireTeam } from "@/lib/teams/team-access";
import { PageHeader } from "@/components/ui/card";
import { SectionPreview } from "@/components/sections/section-preview";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("nav"))("generate") };
}

export default async function Page({ params }: { params: Promise<{ teamId: string }> }) {
  await requireTeam((await params).teamId);
  const t = await getTranslations("sections.generate");
  return (
    <>
      <PageHeader title={t("title")} lead={t("lead")} />
      <SectionPreview items={t("items")} />
    </>
  );
}
