import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { switchTeamAction } from "@/lib/actions/teams";
import type { Role } from "@/lib/teams/roles";
import { AutoSubmitSelect } from "./auto-submit-select";
import { CurrentSectionInput } from "./current-section-input";

type Props = { teams: { id: string; name: string; role: Role }[]; activeTeamId: string; id?: string };

export async function TeamSwitcher({ teams, activeTeamId, id = "team-switcher" }: Props) {
  const t = await getTranslations("shell");
  return (
    <div className="flex flex-col gap-1">
      <span className="text-xs font-medium tracking-wide text-slate-500 uppercase dark:text-slate-400">
        {t("activeTeam")}
      </span>
      <form action={switchTeamAction} className="flex items-center gap-2">
        <CurrentSectionInput />
        <AutoSubmitSelect id={id} name="teamId" defaultValue={activeTeamId} label={t("switchTeam")}>
          {teams.map((team) => (
            <option key={team.id} value={team.id}>
              {team.name} · {t(`role.${team.role}`)}
            </option>
          ))}
        </AutoSubmitSelect>
        <noscript>
          <button type="submit">{t("switchTeam")}</button>
        </noscript>
      </form>
      <Link href="/teams/new" className="text-xs font-medium text-brand-600 hover:underline dark:text-brand-100">
        + {t("newTeam")}
      </Link>
    </div>
  );
}
