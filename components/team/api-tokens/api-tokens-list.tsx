import { getFormatter, getTranslations } from "next-intl/server";
import type { ApiTokenDto } from "@/lib/teams/api-tokens";
import { formatUsd } from "@/lib/money/format";
import { RevokeApiTokenButton } from "./revoke-api-token-button";

const STATUS_TONE = {
  active: "bg-emerald-100 text-emerald-800 dark:bg-emerald-950 dark:text-emerald-200",
  expired: "bg-amber-100 text-amber-800 dark:bg-amber-950 dark:text-amber-200",
  revoked: "bg-red-100 text-red-800 dark:bg-red-950 dark:text-red-200",
  creator_left: "bg-slate-100 text-slate-700 dark:bg-slate-800 dark:text-slate-300",
} as const;

/** The team's tokens by name, last four characters and last use; a live one can be revoked. */
export async function ApiTokensList({ teamId, tokens }: { teamId: string; tokens: ApiTokenDto[] }) {
  const t = await getTranslations("apiTokens");
  const format = await getFormatter();
  const date = (iso: string) => format.dateTime(new Date(iso), { dateStyle: "medium", timeStyle: "short" });
  if (tokens.length === 0) return <p className="text-sm text-slate-600 dark:text-slate-400">{t("empty")}</p>;
  return (
    <ul aria-label={t("listTitle")} className="divide-y divide-slate-200 text-sm dark:divide-slate-800">
      {tokens.map((token) => (
        <li key={token.id} className="flex flex-wrap items-center justify-between gap-2 py-3">
          <span className="min-w-0">
            <span className="font-medium">{token.name}</span>{" "}
            <span className="font-mono text-xs text-slate-500">{t("endsIn", { last4: token.last4 })}</span>{" "}
            <span className={`ml-1 rounded-full px-2 py-0.5 text-xs font-medium ${STATUS_TONE[token.status]}`}>
              {t(`status.${token.status}`)}
            </span>
            <span className="block text-xs text-slate-500">
              {token.lastUsedAt ? t("lastUsed", { date: date(token.lastUsedAt) }) : t("neverUsed")}
              {" · "}
              {token.expiresAt ? t("expiresAt", { date: date(token.expiresAt) }) : t("noExpiry")}
              {" · "}
              {t("createdBy", { name: token.createdBy ?? "—", date: date(token.createdAt) })}
            </span>
            <span className="block text-xs text-slate-500">
              {token.monthlyCapCents !== null
                ? t("capLine", { cap: formatUsd(token.monthlyCapCents), spent: formatUsd(token.spentCents) })
                : t("spentLine", { spent: formatUsd(token.spentCents) })}
            </span>
          </span>
          {token.status === "revoked" ? null : (
            <RevokeApiTokenButton teamId={teamId} tokenId={token.id} name={token.name} />
          )}
        </li>
      ))}
    </ul>
  );
}
