import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import type { AuditEntryDto, AuditPage } from "@/lib/teams/audit-log";
import { AUDIT_ACTIONS } from "@/lib/audit/audit-actions";
import { isRole } from "@/lib/teams/roles";
import { formatUsd } from "@/lib/money/format";
import { findPreset } from "@/lib/models";
import { parseStoredPrice } from "@/lib/teams/stored-price";
import { priceSummary, type PricingT } from "@/components/pricing/price-text";
import { buttonClass } from "@/components/ui/button";
import { Card } from "@/components/ui/card";

/** Each entry as a sentence in the reader's language, from its action and small data. */
async function describer() {
  const t = await getTranslations();
  const tp = (await getTranslations("pricing")) as unknown as PricingT;
  const zh = (await getLocale()).startsWith("zh");
  return (entry: AuditEntryDto): string => {
    const d = entry.data;
    const someone = t("audit.someone");
    const role = (v: unknown) => (isRole(v) ? t(`shell.role.${v}`) : String(v ?? "—"));
    const money = (v: unknown) => (typeof v === "number" ? formatUsd(v) : t("audit.noLimit"));
    // The single provider setting of earlier versions (provider.* entries stay readable).
    const channel = (v: unknown) =>
      v === "simulator" || v === "openai" || v === "apiyi" || v === "custom"
        ? t(`audit.channel.${v}`)
        : String(v ?? "—");
    const text = (v: unknown) => (typeof v === "string" && v !== "" ? v : "—");
    const preset = (v: unknown) => {
      const found = typeof v === "string" ? findPreset(v) : undefined;
      return found ? (zh ? found.label.zh : found.label.en) : text(v);
    };
    const price = (v: unknown) => {
      const parsed = typeof v === "string" ? parseStoredPrice(v) : null;
      return parsed ? priceSummary(tp, parsed) : "—";
    };
    const connection = { name: text(d.name) };
    const kept = (v: unknown) => (typeof v === "number" ? t("audit.keptDays", { count: v }) : t("audit.keptForever"));
    const args = { actor: entry.actor?.name ?? someone, target: entry.target?.name ?? someone };
    if (entry.action === "unknown") return t("audit.action.unknown", args);
    const key = AUDIT_ACTIONS[entry.action];
    switch (key) {
      case "memberJoined":
      case "inviteCreated":
        return t(`audit.action.${key}`, { ...args, role: role(d.role), days: Number(d.days ?? 0) });
      case "memberRoleChanged":
      case "memberRemoved":
      case "ownershipTransferred":
        return t(`audit.action.${key}`, { ...args, from: role(d.from ?? d.role), to: role(d.to) });
      case "memberCapChanged":
      case "budgetChanged":
        return t(`audit.action.${key}`, { ...args, from: money(d.from), to: money(d.to) });
      case "retentionChanged":
        return t("audit.action.retentionChanged", { ...args, from: kept(d.from), to: kept(d.to) });
      case "providerChanged":
        return t("audit.action.providerChanged", { ...args, from: channel(d.from), to: channel(d.to) });
      case "providerKeyChanged":
        return t("audit.action.providerKeyChanged", {
          ...args,
          last4: String(d.last4 ?? ""),
          replaced: d.replaced ? "yes" : "no",
        });
      case "connectionAdded":
        return t("audit.action.connectionAdded", { ...args, ...connection, preset: preset(d.preset) });
      case "connectionChanged":
        return t("audit.action.connectionChanged", {
          ...args,
          ...connection,
          from: text(d.fromName),
          baseUrl: d.baseUrl ? text(d.baseUrl) : t("audit.defaultUrl"),
        });
      case "connectionKeyChanged":
        return t("audit.action.connectionKeyChanged", {
          ...args,
          ...connection,
          last4: String(d.last4 ?? ""),
          replaced: d.replaced ? "yes" : "no",
        });
      case "connectionArchived":
        return t("audit.action.connectionArchived", { ...args, ...connection });
      case "connectionPriceSet":
        return t("audit.action.connectionPriceSet", {
          ...args,
          ...connection,
          model: text(d.modelId),
          price: price(d.price),
          catalogue: price(d.catalogue),
        });
      case "connectionPriceCleared":
        return t("audit.action.connectionPriceCleared", {
          ...args,
          ...connection,
          model: text(d.modelId),
          catalogue: price(d.catalogue),
        });
      case "apiTokenCreated":
        return t("audit.action.apiTokenCreated", {
          ...args,
          name: text(d.name),
          last4: String(d.last4 ?? ""),
          cap: money(d.capCents),
        });
      case "apiTokenRevoked":
        return t("audit.action.apiTokenRevoked", { ...args, name: text(d.name), last4: String(d.last4 ?? "") });
      case "webhookCreated":
        return t("audit.action.webhookCreated", {
          ...args,
          name: text(d.name),
          format: t(
            `notifications.formats.${d.format === "wecom" || d.format === "feishu" || d.format === "dingtalk" || d.format === "slack" ? d.format : "standard"}`,
          ),
          url: text(d.url),
        });
      case "webhookDeleted":
        return t("audit.action.webhookDeleted", { ...args, name: text(d.name), url: text(d.url) });
      case "webhookEnabled":
        return t("audit.action.webhookEnabled", { ...args, name: text(d.name) });
      case "videoGivenUp":
        return t("audit.action.videoGivenUp", { ...args, model: text(d.model) });
      case "memberLeft":
      case "inviteRevoked":
      case "videoDeleted":
        return t(`audit.action.${key}`, args);
    }
  };
}

export async function AuditList({ teamId, page }: { teamId: string; page: AuditPage }) {
  const t = await getTranslations();
  const format = await getFormatter();
  const describe = await describer();
  const href = (n: number) => `/t/${teamId}/team/audit?page=${n}`;
  return (
    <Card>
      {page.entries.length === 0 ? (
        <p className="text-slate-600 dark:text-slate-400">{t("audit.empty")}</p>
      ) : (
        <ol className="divide-y divide-slate-200 dark:divide-slate-800" aria-label={t("audit.title")}>
          {page.entries.map((e) => (
            <li key={e.id} className="flex flex-col gap-0.5 py-2 sm:flex-row sm:items-baseline sm:gap-4">
              <time dateTime={e.createdAt} className="shrink-0 text-xs text-slate-500 tabular-nums sm:w-44">
                {format.dateTime(new Date(e.createdAt), { dateStyle: "medium", timeStyle: "medium" })}
              </time>
              <span className="text-sm">{describe(e)}</span>
            </li>
          ))}
        </ol>
      )}
      <nav aria-label={t("audit.pages")} className="mt-4 flex items-center justify-between gap-2 text-sm">
        {page.page > 1 ? (
          <Link className={buttonClass("secondary")} href={href(page.page - 1)}>
            {t("audit.newer")}
          </Link>
        ) : (
          <span />
        )}
        <span className="text-slate-500">{t("audit.pageOf", { page: page.page, count: page.pageCount })}</span>
        {page.page < page.pageCount ? (
          <Link className={buttonClass("secondary")} href={href(page.page + 1)}>
            {t("audit.older")}
          </Link>
        ) : (
          <span />
        )}
      </nav>
    </Card>
  );
}
