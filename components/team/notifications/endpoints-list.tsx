import { getFormatter, getTranslations } from "next-intl/server";
import type { EndpointDto } from "@/lib/notifications/endpoints";
import { eventNameKey, isEventType } from "@/lib/notifications/event-types";
import { Alert } from "@/components/ui/alert";
import { EndpointButtons } from "./endpoint-buttons";

/** The team's endpoints: format, masked URL, events, the notice of a turned-off one, the last attempts. */
export async function EndpointsList({ teamId, endpoints }: { teamId: string; endpoints: EndpointDto[] }) {
  const t = await getTranslations("notifications");
  const format = await getFormatter();
  const date = (iso: string) => format.dateTime(new Date(iso), { dateStyle: "medium", timeStyle: "medium" });
  if (endpoints.length === 0) return <p className="text-sm text-slate-600 dark:text-slate-400">{t("empty")}</p>;
  return (
    <ul aria-label={t("listTitle")} className="divide-y divide-slate-200 text-sm dark:divide-slate-800">
      {endpoints.map((e) => (
        <li key={e.id} aria-label={e.name} className="flex flex-col gap-2 py-3">
          <div className="flex flex-wrap items-baseline gap-2">
            <span className="font-medium">{e.name}</span>
            <span
              className={`rounded-full px-2 py-0.5 text-xs font-medium ${
                e.disabledAt
                  ? "bg-red-100 text-red-800 dark:bg-red-950 dark:text-red-200"
                  : "bg-emerald-100 text-emerald-800 dark:bg-emerald-950 dark:text-emerald-200"
              }`}
            >
              {e.disabledAt ? t("disabled") : t("active")}
            </span>
            <span className="text-xs text-slate-500">{t(`formats.${e.format}`)}</span>
          </div>
          <span className="font-mono text-xs break-all text-slate-500">{e.urlDisplay}</span>
          <span className="text-xs text-slate-500">
            {e.events.map((type) => t(`eventNames.${eventNameKey(type)}`)).join(" · ")}
          </span>
          {e.disabledAt ? (
            <Alert>
              {t("disabledNotice", {
                date: date(e.disabledAt),
                count: e.consecutiveFailures,
                error: e.disabledReason ?? "—",
              })}
            </Alert>
          ) : null}
          <EndpointButtons teamId={teamId} endpointId={e.id} name={e.name} disabled={e.disabledAt !== null} />
          <details>
            <summary className="cursor-pointer text-xs text-slate-600 dark:text-slate-400">{t("log")}</summary>
            {e.attempts.length === 0 ? (
              <p className="text-xs text-slate-500">{t("logEmpty")}</p>
            ) : (
              <ol aria-label={t("log")} className="mt-1 flex flex-col gap-0.5 text-xs">
                {e.attempts.map((a) => (
                  <li key={a.id} className="flex flex-wrap gap-2 tabular-nums">
                    <time dateTime={a.at}>{date(a.at)}</time>
                    <span>{t(`eventNames.${isEventType(a.type) ? eventNameKey(a.type) : "test"}`)}</span>
                    <span>{t("attempt", { n: a.attempt })}</span>
                    <span className={a.error ? "text-red-700 dark:text-red-300" : ""}>
                      {a.statusCode ?? t("noStatus")}
                    </span>
                    <span>{t("latency", { ms: a.latencyMs })}</span>
                    {a.error ? <span className="break-all text-red-700 dark:text-red-300">{a.error}</span> : null}
                  </li>
                ))}
              </ol>
            )}
          </details>
        </li>
      ))}
    </ul>
  );
}
