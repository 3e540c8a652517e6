import type { ReactNode } from "react";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { signOutAction } from "@/lib/actions/sign-out";
import { STUDIO_SECTIONS } from "@/lib/teams/sections";
import type { Role } from "@/lib/teams/roles";
import { Button } from "@/components/ui/button";
import { NavLinks } from "./nav-links";
import { TeamSwitcher } from "./team-switcher";
import { LanguageSwitcher, ThemeSwitcher } from "./preference-switchers";
import { ShellMenuButton, ShellMenuPanel, ShellMenuProvider } from "./shell-menu";

type Props = {
  user: { name: string | null; email: string };
  teams: { id: string; name: string; role: Role }[];
  activeTeamId: string;
  children: ReactNode;
};

export async function StudioShell({ user, teams, activeTeamId, children }: Props) {
  const t = await getTranslations();
  const items = STUDIO_SECTIONS.map((s) => ({ href: `/t/${activeTeamId}/${s}`, label: t(`nav.${s}`) }));
  return (
    <div className="min-h-screen md:flex">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2 focus:text-slate-900"
      >
        {t("app.skipToContent")}
      </a>
      <aside className="flex flex-col gap-4 border-b border-slate-200 bg-white p-4 md:sticky md:top-0 md:h-screen md:w-64 md:shrink-0 md:self-start md:border-r md:border-b-0 dark:border-slate-800 dark:bg-slate-900">
        <ShellMenuProvider>
          <div className="flex items-center justify-between gap-2">
            <Link
              href="/"
              className="flex items-center gap-2 text-lg font-semibold tracking-tight outline-none focus-visible:ring-2 focus-visible:ring-brand-500"
            >
              <span
                aria-hidden
                className="inline-flex h-7 w-7 items-center justify-center rounded-lg bg-brand-600 text-sm text-white"
              >
                S
              </span>
              {t("app.name")}
            </Link>
            <ShellMenuButton label={t("shell.menu")} />
          </div>
          {/* From `sm` up: the team switcher, the navigation, then the preferences and sign-out. */}
          <div className="hidden sm:block">
            <TeamSwitcher teams={teams} activeTeamId={activeTeamId} />
          </div>
          <NavLinks items={items} label={t("nav.main")} />
          <div className="hidden grid-cols-2 gap-2 border-t border-slate-200 pt-3 sm:grid md:mt-auto md:flex md:flex-col dark:border-slate-800">
            <LanguageSwitcher />
            <ThemeSwitcher />
            <Account
              className="col-span-2"
              email={user.email}
              signedInAs={t("shell.signedInAs", { email: user.email })}
              signOut={t("shell.signOut")}
            />
          </div>
          {/* On a phone the same controls sit in the menu the button above opens. */}
          <ShellMenuPanel>
            <TeamSwitcher id="team-switcher-menu" teams={teams} activeTeamId={activeTeamId} />
            <div className="grid grid-cols-2 gap-2">
              <LanguageSwitcher id="language-switcher-menu" />
              <ThemeSwitcher id="theme-switcher-menu" />
            </div>
            <Account
              email={user.email}
              signedInAs={t("shell.signedInAs", { email: user.email })}
              signOut={t("shell.signOut")}
            />
          </ShellMenuPanel>
        </ShellMenuProvider>
      </aside>
      <main id="main" className="min-w-0 flex-1 p-4 sm:p-6 lg:p-10">
        {children}
      </main>
    </div>
  );
}

/** Who is signed in, and the way out: in the sidebar from `sm` up, in the menu on a phone. */
function Account({
  email,
  signedInAs,
  signOut,
  className = "",
}: {
  email: string;
  signedInAs: string;
  signOut: string;
  className?: string;
}) {
  return (
    <>
      <p className={`${className} truncate text-xs text-slate-500 dark:text-slate-400`} title={email}>
        {signedInAs}
      </p>
      <form action={signOutAction} className={className}>
        <Button type="submit" variant="secondary" className="w-full">
          {signOut}
        </Button>
      </form>
    </>
  );
}
