"use client";

import { useActionState, type FormEvent } from "react";
import { useFormatter, useTranslations } from "next-intl";
import { archiveConnectionAction, testConnectionAction, updateConnectionAction } from "@/lib/actions/team-provider";
import { initialResult } from "@/lib/forms/action-result";
import { findPreset } from "@/lib/models";
import type { ConnectionDto } from "@/lib/teams/connections";
import type { ConnectionCatalogueDto } from "@/lib/upstream/catalogue-admin";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { SubmitButton } from "@/components/ui/submit-button";
import { TextField } from "@/components/ui/text-field";
import { usePresetLabel } from "@/components/pricing/price-words";
import { ActionMessage } from "../action-message";
import { CatalogueModels } from "./catalogue-models";
import { ModelPrices } from "./model-prices";
import { PresetNotice } from "./preset-notice";

type Props = {
  teamId: string;
  connection: ConnectionDto;
  canArchive: boolean;
  /** Its live catalogue, for presets that publish one (OpenRouter). */
  catalogue?: ConnectionCatalogueDto;
};

/**
 * One connection: what it is, where it points, which key (last four only), then edit, test,
 * archive, and its models with their prices. An archived connection is shown read-only.
 */
export function ConnectionCard({ teamId, connection, canArchive, catalogue }: Props) {
  const t = useTranslations("provider");
  const format = useFormatter();
  const presetLabel = usePresetLabel();
  const preset = findPreset(connection.preset);
  const builtIn = Boolean(preset?.simulatorProfile);
  const baseUrl = builtIn ? t("builtInUrl") : (connection.baseUrl ?? preset?.defaultBaseUrl ?? "—");
  const titleId = `connection-${connection.id}`;

  return (
    <Card className="flex flex-col gap-4">
      <section aria-labelledby={titleId} className="flex flex-col gap-4" data-testid="connection">
        <header className="flex flex-wrap items-baseline justify-between gap-2">
          <h2 id={titleId} className="text-lg font-semibold break-all">
            {connection.name}
          </h2>
          {connection.archived ? (
            <span className="rounded-full bg-slate-200 px-2 py-0.5 text-xs font-medium text-slate-700 dark:bg-slate-800 dark:text-slate-300">
              {t("archived")}
            </span>
          ) : null}
        </header>
        <dl className="grid grid-cols-[max-content_minmax(0,1fr)] gap-x-4 gap-y-1 text-sm">
          <dt className="text-slate-500 dark:text-slate-400">{t("preset")}</dt>
          <dd>{presetLabel(preset, connection.preset)}</dd>
          <dt className="text-slate-500 dark:text-slate-400">{t("baseUrl")}</dt>
          <dd className="font-mono text-xs break-all">{baseUrl}</dd>
          <dt className="text-slate-500 dark:text-slate-400">{t("storedKey")}</dt>
          <dd>
            {builtIn ? (
              t("noKeyNeeded")
            ) : connection.keyLast4 ? (
              <>
                <span className="font-mono">••••{connection.keyLast4}</span>
                {connection.keyUpdatedAt ? (
                  <span className="ml-2 text-xs text-slate-500">
                    {t("keyUpdated", {
                      date: format.dateTime(new Date(connection.keyUpdatedAt), {
                        dateStyle: "medium",
                        timeStyle: "short",
                      }),
                    })}
                  </span>
                ) : null}
              </>
            ) : (
              t("noKey")
            )}
          </dd>
        </dl>
        {connection.archived ? (
          <p className="text-sm text-slate-600 dark:text-slate-400">{t("archivedNote")}</p>
        ) : (
          <>
            <PresetNotice noticeKey={preset?.noticeKey} />
            <EditConnection teamId={teamId} connection={connection} builtIn={builtIn} />
            <div className="flex flex-wrap items-start gap-4 border-t border-slate-200 pt-4 dark:border-slate-800">
              <TestConnection teamId={teamId} connectionId={connection.id} />
              {canArchive ? <ArchiveConnection teamId={teamId} connection={connection} /> : null}
            </div>
          </>
        )}
        {preset?.catalogue ? (
          <CatalogueModels
            teamId={teamId}
            catalogue={catalogue ?? { connectionId: connection.id, refreshedAt: null, error: null, models: [] }}
            editable={!connection.archived}
          />
        ) : preset ? (
          <ModelPrices
            teamId={teamId}
            connectionId={connection.id}
            models={preset.models}
            prices={connection.prices}
            editable={!connection.archived}
          />
        ) : null}
      </section>
    </Card>
  );
}

function EditConnection({
  teamId,
  connection,
  builtIn,
}: {
  teamId: string;
  connection: ConnectionDto;
  builtIn: boolean;
}) {
  const t = useTranslations("provider");
  const [state, action] = useActionState(updateConnectionAction, initialResult);
  const preset = findPreset(connection.preset);
  const errors = state.fieldErrors ?? {};
  return (
    <details className="group rounded-lg border border-slate-200 p-3 dark:border-slate-800">
      <summary className="cursor-pointer text-sm font-medium">{t("edit.title")}</summary>
      <form action={action} className="mt-3 flex flex-col gap-3" noValidate>
        <input type="hidden" name="teamId" value={teamId} />
        <input type="hidden" name="connectionId" value={connection.id} />
        <TextField
          label={t("edit.name")}
          name="name"
          maxLength={60}
          defaultValue={state.values?.name ?? connection.name}
          error={errors.name}
        />
        {!builtIn ? (
          <>
            <TextField
              label={t("baseUrl")}
              name="baseUrl"
              type="url"
              defaultValue={state.values?.baseUrl ?? connection.baseUrl ?? preset?.defaultBaseUrl ?? ""}
              hint={preset?.defaultBaseUrl ? t("baseUrlDefaultHint") : t("baseUrlHint")}
              error={errors.baseUrl}
            />
            <TextField
              label={t("apiKey")}
              name="apiKey"
              type="password"
              autoComplete="off"
              spellCheck={false}
              placeholder={connection.keyLast4 ? `••••${connection.keyLast4}` : "sk-…"}
              hint={connection.keyLast4 ? t("keyKeepHint", { last4: connection.keyLast4 }) : t("keyHint")}
              error={errors.apiKey}
            />
          </>
        ) : null}
        <ActionMessage state={state} />
        <SubmitButton label={t("edit.submit")} pendingLabel={t("edit.submitting")} className="self-start" />
      </form>
    </details>
  );
}

function TestConnection({ teamId, connectionId }: { teamId: string; connectionId: string }) {
  const t = useTranslations("provider");
  const [state, action, pending] = useActionState(testConnectionAction, initialResult);
  return (
    <form action={action} className="flex min-w-0 flex-1 flex-col gap-2">
      <input type="hidden" name="teamId" value={teamId} />
      <input type="hidden" name="connectionId" value={connectionId} />
      <Button type="submit" variant="secondary" disabled={pending} className="self-start">
        {pending ? t("testing") : t("testButton")}
      </Button>
      <ActionMessage state={state} />
    </form>
  );
}

function ArchiveConnection({ teamId, connection }: { teamId: string; connection: ConnectionDto }) {
  const t = useTranslations("provider");
  const [state, action, pending] = useActionState(archiveConnectionAction, initialResult);
  function confirmFirst(event: FormEvent<HTMLFormElement>) {
    if (!window.confirm(t("archive.confirm", { name: connection.name }))) event.preventDefault();
  }
  return (
    <form action={action} onSubmit={confirmFirst} className="flex flex-col items-end gap-2">
      <input type="hidden" name="teamId" value={teamId} />
      <input type="hidden" name="connectionId" value={connection.id} />
      <Button type="submit" variant="ghost" disabled={pending}>
        {pending ? t("archive.archiving") : t("archive.button")}
      </Button>
      {state.formError ? <ActionMessage state={state} /> : null}
    </form>
  );
}
