import { getFormatter, getTranslations } from "next-intl/server";
import type { MembersView } from "@/lib/teams/members-list";
import { can, canManageMember } from "@/lib/teams/permissions";
import { centsToInput, formatUsd } from "@/lib/money/format";
import { Card } from "@/components/ui/card";
import { MemberManage } from "./member-manage";

/** Members with their role, and (for owner and admins) spend this month, cap and controls. */
export async function MembersCard({ view }: { view: MembersView }) {
  const t = await getTranslations();
  const format = await getFormatter();
  const { members, role, team } = view;
  const seesSpend = can(role, "spend.read.members");
  return (
    <Card className="mb-6">
      <h2 className="mb-3 font-semibold">
        {t("teams.members")}{" "}
        <span className="font-normal text-slate-500">· {t("teams.memberCount", { count: members.length })}</span>
      </h2>
      <ul className="divide-y divide-slate-200 dark:divide-slate-800">
        {members.map((m) => {
          const canCap = can(role, "budget.manage") && canManageMember(role, m.role);
          return (
            <li key={m.userId} className="flex flex-wrap items-start justify-between gap-3 py-3">
              <span className="min-w-0">
                <span className="font-medium">{m.name}</span>
                {m.isYou ? <span className="text-slate-500"> ({t("teams.you")})</span> : null}
                <span className="block text-sm text-slate-500">{m.email}</span>
                <span className="block text-xs text-slate-500">
                  {t("teamAdmin.joined", { date: format.dateTime(new Date(m.joinedAt), { dateStyle: "medium" }) })}
                </span>
              </span>
              <span className="flex flex-wrap items-center gap-3">
                {seesSpend ? (
                  <span className="text-sm text-slate-700 tabular-nums dark:text-slate-300">
                    {t("teamAdmin.spentThisMonth", { amount: formatUsd(m.spentCents ?? 0) })}
                    {m.capCents !== null ? (
                      <span className="text-slate-500"> / {t("teamAdmin.cap", { amount: formatUsd(m.capCents) })}</span>
                    ) : null}
                  </span>
                ) : null}
                <span className="rounded-full bg-slate-100 px-2 py-0.5 text-xs font-medium dark:bg-slate-800">
                  {t(`shell.role.${m.role}`)}
                </span>
              </span>
              {m.manageable || canCap ? (
                <div className="w-full">
                  <MemberManage
                    teamId={team.id}
                    member={{ userId: m.userId, name: m.name, role: m.role, capInput: centsToInput(m.capCents) }}
                    canRole={m.manageable}
                    canCap={canCap}
                    canRemove={m.manageable}
                  />
                </div>
              ) : null}
            </li>
          );
        })}
      </ul>
    </Card>
  );
}
