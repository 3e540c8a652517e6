import { createTranslator } from "next-intl";
import { catalogues } from "@/lib/i18n/catalogues";
import { isLocale, type Locale } from "@/lib/i18n/locales";
import { formatUsd } from "@/lib/money/format";
import type { AnyEventType, BudgetEventData, EventData, TestEventData, VideoEventData } from "./event-types";

// The words of a ready-made chat message, in the endpoint's language (the catalogues'
// notificationMessages): a title, lines, an optional link. Each chat format lays these out.

export type MessageText = { title: string; lines: string[]; link: { label: string; url: string } | null };

const PROMPT_CHARS = 300;

function translator(locale: string) {
  const chosen: Locale = isLocale(locale) ? locale : "en";
  return createTranslator({ locale: chosen, messages: catalogues[chosen], namespace: "notificationMessages" });
}

export function messageText(type: AnyEventType, data: EventData, locale: string): MessageText {
  const t = translator(locale);
  if (type === "test") {
    const d = data as TestEventData;
    return {
      title: t("testTitle"),
      lines: [t("testLine", { endpoint: d.endpoint.name, team: d.team.name })],
      link: null,
    };
  }
  if (type === "budget.80" || type === "budget.100") {
    const d = data as BudgetEventData;
    const lines = [
      t("budgetLine", {
        team: d.team.name,
        spent: formatUsd(d.budget.spentCents),
        budget: formatUsd(d.budget.budgetCents),
        month: d.budget.month,
      }),
    ];
    if (type === "budget.100") lines.push(t("budget100Line"));
    return {
      title: `${t(type === "budget.80" ? "budget80Title" : "budget100Title")} · ${d.team.name}`,
      lines,
      link: d.url ? { label: t("open"), url: d.url } : null,
    };
  }
  const { video, team } = data as VideoEventData;
  const title = t(
    type === "video.completed" ? "completedTitle" : type === "video.failed" ? "failedTitle" : "lostTitle",
  );
  const prompt = video.prompt.length > PROMPT_CHARS ? `${video.prompt.slice(0, PROMPT_CHARS)}…` : video.prompt;
  const lines = [
    t("videoLine", { model: video.model, seconds: video.seconds, size: video.size, who: video.createdBy }),
    t("prompt", { prompt }),
  ];
  if (type === "video.failed" && video.error)
    lines.push(t("reason", { reason: video.error.message ?? video.error.code ?? "" }));
  if (type === "video.lost") lines.push(t("lostReason"));
  if (video.costCents !== null && type !== "video.failed") lines.push(t("cost", { cost: formatUsd(video.costCents) }));
  lines.push(t("team", { team: team.name }));
  return { title: `${title} · ${team.name}`, lines, link: video.url ? { label: t("open"), url: video.url } : null };
}
