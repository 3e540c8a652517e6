import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { currentUser } from "@/lib/auth/current-user";
import { inviteForPage } from "@/lib/teams/team-queries";
import { buttonClass } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { InviteAcceptForm } from "@/components/team/invite-accept-form";

export async function generateMetadata(): Promise<Metadata> {
  // The token is a credential: keep it out of referrers sent from this page.
  return { title: (await getTranslations("invites"))("pageTitle"), referrer: "no-referrer" };
}

export default async function InvitePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const t = await getTranslations();
  const user = await currentUser();
  const view = await inviteForPage(token, user?.id ?? null);
  const back = `/invite/${encodeURIComponent(token)}`;
  if (view.state !== "valid" && view.state !== "member") {
    return (
      <Card>
        <h1 className="text-xl font-semibold">{t(`invites.gone.${view.state}.title`)}</h1>
        <p className="mt-2 text-slate-600 dark:text-slate-400">{t(`invites.gone.${view.state}.body`)}</p>
        <Link href="/" className={buttonClass("secondary", "mt-5")}>
          {t("errors.backHome")}
        </Link>
      </Card>
    );
  }
  const role = t(`shell.role.${view.role}`);
  return (
    <Card>
      <p className="text-sm font-medium tracking-wide text-slate-500 uppercase">{t("invites.pageTitle")}</p>
      <h1 className="mt-1 text-xl font-semibold">{t("invites.joinTitle", { team: view.team.name })}</h1>
      <p className="mt-2 text-slate-600 dark:text-slate-400">{t("invites.joinLead", { role })}</p>
      {view.state === "member" ? (
        <div className="mt-5 flex flex-col gap-3">
          <p role="status">{t("invites.alreadyMember", { team: view.team.name })}</p>
          <Link href={`/t/${view.team.id}/generate`} className={buttonClass("primary")}>
            {t("invites.openTeam")}
          </Link>
        </div>
      ) : user ? (
        <div className="mt-5">
          <p className="mb-3 text-sm text-slate-600 dark:text-slate-400">
            {t("invites.signedInAs", { email: user.email })}
          </p>
          <InviteAcceptForm token={token} team={view.team.name} />
        </div>
      ) : (
        <div className="mt-5 flex flex-col gap-3">
          <p className="text-sm text-slate-600 dark:text-slate-400">{t("invites.signInFirst")}</p>
          <Link href={`/sign-up?callbackUrl=${encodeURIComponent(back)}`} className={buttonClass("primary")}>
            {t("invites.signUpToJoin")}
          </Link>
          <Link href={`/sign-in?callbackUrl=${encodeURIComponent(back)}`} className={buttonClass("secondary")}>
            {t("invites.signInToJoin")}
          </Link>
        </div>
      )}
    </Card>
  );
}
