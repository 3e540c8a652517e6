import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { can } from "@/lib/teams/permissions";
import type { Role } from "@/lib/teams/roles";

type Tab = "members" | "provider" | "api" | "notifications" | "stuck" | "audit";

/** The team section's pages; only those the role may open are shown. */
export async function TeamTabs({ teamId, role, current }: { teamId: string; role: Role; current: Tab }) {
  const t = await getTranslations("teamAdmin.tabs");
  const tStuck = await getTranslations("stuck");
  const tabs: { id: Tab; href: string; show: boolean }[] = [
    { id: "members", href: `/t/${teamId}/team`, show: true },
    { id: "provider", href: `/t/${teamId}/team/provider`, show: can(role, "provider.manage") },
    { id: "api", href: `/t/${teamId}/team/api`, show: can(role, "api.manage") },
    {
      id: "notifications",
      href: `/t/${teamId}/team/notifications`,
      show: can(role, "notifications.manage"),
    },
    { id: "stuck", href: `/t/${teamId}/team/stuck`, show: can(role, "videos.stuck.manage") },
    { id: "audit", href: `/t/${teamId}/team/audit`, show: can(role, "audit.read") },
  ];
  const shown = tabs.filter((tab) => tab.show);
  if (shown.length < 2) return null;
  return (
    <nav
      aria-label={t("label")}
      className="mb-6 flex gap-1 overflow-x-auto border-b border-slate-200 dark:border-slate-800"
    >
      {shown.map((tab) => (
        <Link
          key={tab.id}
          href={tab.href}
          aria-current={tab.id === current ? "page" : undefined}
          className={
            "-mb-px shrink-0 border-b-2 px-3 py-2 text-sm font-medium whitespace-nowrap outline-none focus-visible:ring-2 focus-visible:ring-brand-500 " +
            (tab.id === current
              ? "border-brand-600 text-brand-700 dark:text-brand-100"
              : "border-transparent text-slate-600 hover:text-slate-900 dark:text-slate-400 dark:hover:text-slate-100")
          }
        >
          {tab.id === "stuck" ? tStuck("tab") : t(tab.id)}
        </Link>
      ))}
    </nav>
  );
}
