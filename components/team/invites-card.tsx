import { getFormatter, getTranslations } from "next-intl/server";
import type { InviteDto } from "@/lib/teams/invites";
import { Card } from "@/components/ui/card";
import { InviteCreateForm } from "./invite-create-form";
import { RevokeInviteButton } from "./revoke-invite-button";

const STATUS_TONE = {
  pending: "bg-emerald-100 text-emerald-800 dark:bg-emerald-950 dark:text-emerald-200",
  used: "bg-slate-100 text-slate-700 dark:bg-slate-800 dark:text-slate-300",
  expired: "bg-amber-100 text-amber-800 dark:bg-amber-950 dark:text-amber-200",
  revoked: "bg-red-100 text-red-800 dark:bg-red-950 dark:text-red-200",
} as const;

/** Invite links: create one (role, expiry), see the recent ones, revoke a pending one. */
export async function InvitesCard({ teamId, invites }: { teamId: string; invites: InviteDto[] }) {
  const t = await getTranslations();
  const format = await getFormatter();
  return (
    <Card className="mb-6">
      <h2 className="mb-1 font-semibold">{t("invites.title")}</h2>
      <p className="mb-4 text-sm text-slate-600 dark:text-slate-400">{t("invites.lead")}</p>
      <InviteCreateForm teamId={teamId} />
      {invites.length ? (
        <>
          <h3 className="mt-6 mb-2 text-sm font-semibold">{t("invites.recent")}</h3>
          <ul className="divide-y divide-slate-200 text-sm dark:divide-slate-800">
            {invites.map((inv) => (
              <li key={inv.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
                <span>
                  <span className="font-medium">{t(`shell.role.${inv.role}`)}</span>{" "}
                  <span className={`ml-1 rounded-full px-2 py-0.5 text-xs font-medium ${STATUS_TONE[inv.status]}`}>
                    {t(`invites.status.${inv.status}`)}
                  </span>
                  <span className="block text-xs text-slate-500">
                    {inv.status === "used" && inv.acceptedBy
                      ? t("invites.usedBy", { name: inv.acceptedBy })
                      : t("invites.expiresAt", {
                          date: format.dateTime(new Date(inv.expiresAt), { dateStyle: "medium", timeStyle: "short" }),
                        })}
                    {inv.createdBy ? ` · ${t("invites.createdBy", { name: inv.createdBy })}` : ""}
                  </span>
                </span>
                {inv.status === "pending" ? (
                  <RevokeInviteButton
                    teamId={teamId}
                    inviteId={inv.id}
                    label={t("invites.revokeLabel", { role: t(`shell.role.${inv.role}`) })}
                  />
                ) : null}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </Card>
  );
}
