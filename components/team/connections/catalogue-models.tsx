"use client";

import { useActionState } from "react";
import { useFormatter, useTranslations } from "next-intl";
import { refreshCatalogueAction, setModelHiddenAction } from "@/lib/actions/catalogue";
import { initialResult } from "@/lib/forms/action-result";
import { allDurations, describePrice, sizesOf, type ModelSpec } from "@/lib/models";
import type { CatalogueModelDto, ConnectionCatalogueDto } from "@/lib/upstream/catalogue-admin";
import { Button } from "@/components/ui/button";
import { usePriceWords } from "@/components/pricing/price-words";
import { ActionMessage } from "../action-message";

type Props = { teamId: string; catalogue: ConnectionCatalogueDto; editable: boolean };

/**
 * A connection whose provider publishes its models (OpenRouter): when they were last read, the
 * last read's error, "Refresh models", and each model with what it makes, its price and a
 * hide/show switch. Removed models stay listed (old videos keep them).
 */
export function CatalogueModels({ teamId, catalogue, editable }: Props) {
  const t = useTranslations("catalogue");
  const format = useFormatter();
  const [state, action, pending] = useActionState(refreshCatalogueAction, initialResult);
  const when = (iso: string) => format.dateTime(new Date(iso), { dateStyle: "medium", timeStyle: "short" });
  const active = catalogue.models.filter((m) => !m.removedAt);
  return (
    <section
      aria-labelledby={`catalogue-${catalogue.connectionId}`}
      className="flex flex-col gap-3 rounded-lg border border-slate-200 p-3 dark:border-slate-800"
      data-testid="catalogue"
    >
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="min-w-0">
          <h3 id={`catalogue-${catalogue.connectionId}`} className="text-sm font-semibold">
            {t("title", { count: active.length })}
          </h3>
          <p className="text-xs text-slate-500 dark:text-slate-400" data-testid="catalogue-refreshed">
            {catalogue.refreshedAt ? t("refreshedAt", { when: when(catalogue.refreshedAt) }) : t("neverRefreshed")}
          </p>
        </div>
        {editable ? (
          <form action={action}>
            <input type="hidden" name="teamId" value={teamId} />
            <input type="hidden" name="connectionId" value={catalogue.connectionId} />
            <Button type="submit" variant="secondary" disabled={pending}>
              {pending ? t("refresh.refreshing") : t("refresh.button")}
            </Button>
          </form>
        ) : null}
      </div>
      {catalogue.error ? (
        <p role="status" className="text-xs text-amber-700 dark:text-amber-300">
          {t("lastError", { reason: catalogue.error })}
        </p>
      ) : null}
      <ActionMessage state={state} />
      {catalogue.models.length === 0 ? (
        <p className="text-sm text-slate-600 dark:text-slate-400">{t("empty")}</p>
      ) : (
        <ul className="divide-y divide-slate-200 dark:divide-slate-800">
          {catalogue.models.map((m) => (
            <li key={m.modelId} className="py-3" data-testid="catalogue-model" data-model={m.modelId}>
              <CatalogueRow teamId={teamId} connectionId={catalogue.connectionId} entry={m} editable={editable} />
            </li>
          ))}
        </ul>
      )}
      <p className="text-xs text-slate-500 dark:text-slate-400">{t("lead")}</p>
    </section>
  );
}

function CatalogueRow({
  teamId,
  connectionId,
  entry,
  editable,
}: {
  teamId: string;
  connectionId: string;
  entry: CatalogueModelDto;
  editable: boolean;
}) {
  const t = useTranslations("catalogue");
  const format = useFormatter();
  const [state, action, pending] = useActionState(setModelHiddenAction, initialResult);
  const removed = entry.removedAt !== null;
  return (
    <div className="flex flex-col gap-1 text-sm">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <p className="min-w-0">
          <span className="font-medium">{entry.name}</span>{" "}
          <span className="font-mono text-xs break-all text-slate-500 dark:text-slate-400">{entry.modelId}</span>
        </p>
        <div className="flex flex-wrap items-center gap-2">
          {removed ? (
            <Badge tone="slate">
              {t("removed", { date: format.dateTime(new Date(entry.removedAt!), { dateStyle: "medium" }) })}
            </Badge>
          ) : entry.hidden ? (
            <Badge tone="amber">{t("hidden")}</Badge>
          ) : !entry.model ? (
            <Badge tone="amber">{t("notSellable")}</Badge>
          ) : null}
          {editable && !removed ? (
            <form action={action}>
              <input type="hidden" name="teamId" value={teamId} />
              <input type="hidden" name="connectionId" value={connectionId} />
              <input type="hidden" name="modelId" value={entry.modelId} />
              <input type="hidden" name="hidden" value={entry.hidden ? "false" : "true"} />
              <Button
                type="submit"
                variant="ghost"
                disabled={pending}
                aria-label={`${entry.hidden ? t("show") : t("hide")}: ${entry.modelId}`}
              >
                {entry.hidden ? t("show") : t("hide")}
              </Button>
            </form>
          ) : null}
        </div>
      </div>
      {entry.model ? <ModelFacts model={entry.model} /> : null}
      {state.formError ? <ActionMessage state={state} /> : null}
    </div>
  );
}

function ModelFacts({ model }: { model: ModelSpec }) {
  const t = useTranslations("catalogue");
  const words = usePriceWords();
  const sizes = sizesOf(model);
  const resolutions = [...new Set(sizes.map((s) => s.resolution ?? s.tier))];
  const ratios = [...new Set(sizes.flatMap((s) => (s.aspectRatio ? [s.aspectRatio] : [])))];
  const frames =
    model.reference.kind === "first_last_frame"
      ? t("framesFirstLast")
      : model.reference.kind === "first_frame"
        ? t("framesFirst")
        : t("framesNone");
  const price = describePrice(model);
  return (
    <dl className="grid grid-cols-[max-content_minmax(0,1fr)] gap-x-3 gap-y-0.5 text-xs text-slate-600 dark:text-slate-400">
      <dt>{t("facts.shapes")}</dt>
      <dd>
        {resolutions.join(", ")} · {ratios.join(", ")}
      </dd>
      <dt>{t("facts.durations")}</dt>
      <dd>{t("seconds", { list: allDurations(model).join(", ") })}</dd>
      <dt>{t("facts.frames")}</dt>
      <dd>{frames}</dd>
      <dt>{t("facts.price")}</dt>
      <dd className="tabular-nums">{words.lines(price).join(" · ")}</dd>
    </dl>
  );
}

function Badge({ tone, children }: { tone: "slate" | "amber"; children: React.ReactNode }) {
  const colours =
    tone === "amber"
      ? "bg-amber-100 text-amber-800 dark:bg-amber-950 dark:text-amber-200"
      : "bg-slate-200 text-slate-700 dark:bg-slate-800 dark:text-slate-300";
  return <span className={`rounded-full px-2 py-0.5 text-xs font-medium ${colours}`}>{children}</span>;
}
