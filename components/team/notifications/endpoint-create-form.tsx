"use client";

import { useActionState, useState } from "react";
import { useTranslations } from "next-intl";
import { createWebhookEndpointAction } from "@/lib/actions/notifications";
import { initialResult } from "@/lib/forms/action-result";
import {
  EVENT_TYPES,
  FORMATS_WITH_TYPED_SECRET,
  WEBHOOK_FORMATS,
  eventFieldName,
  eventNameKey,
  type WebhookFormat,
} from "@/lib/notifications/event-types";
import { SubmitButton } from "@/components/ui/submit-button";
import { SelectField } from "@/components/ui/select-field";
import { TextField } from "@/components/ui/text-field";
import { ActionMessage } from "../action-message";

/** Adds an endpoint; a Standard Webhooks endpoint's signing secret is shown here once. */
export function EndpointCreateForm({ teamId, locale }: { teamId: string; locale: string }) {
  const t = useTranslations("notifications");
  const [state, action] = useActionState(createWebhookEndpointAction, initialResult);
  const [format, setFormat] = useState<WebhookFormat>("standard");
  const secret = state.ok ? (state.data?.secret ?? null) : null;
  const reset = state.ok ? "done" : "";
  return (
    <div className="flex flex-col gap-4">
      <form action={action} className="flex flex-col gap-3">
        <input type="hidden" name="teamId" value={teamId} />
        <TextField
          label={t("name")}
          name="name"
          required
          maxLength={80}
          defaultValue={state.ok ? "" : (state.values?.name ?? "")}
          key={`name-${reset}`}
          error={state.fieldErrors?.name}
        />
        <SelectField
          label={t("format")}
          name="format"
          value={format}
          onChange={(e) => setFormat(e.target.value as WebhookFormat)}
          options={WEBHOOK_FORMATS.map((f) => ({ value: f, label: t(`formats.${f}`) }))}
        />
        <TextField
          label={t("url")}
          name="url"
          type="url"
          required
          hint={t("urlHint")}
          defaultValue={state.ok ? "" : (state.values?.url ?? "")}
          key={`url-${reset}`}
          error={state.fieldErrors?.url}
        />
        {FORMATS_WITH_TYPED_SECRET.includes(format) ? (
          <TextField
            label={t("secret")}
            name="secret"
            autoComplete="off"
            hint={t("secretHint")}
            error={state.fieldErrors?.secret}
          />
        ) : null}
        <SelectField
          label={t("language")}
          name="locale"
          defaultValue={locale === "zh-CN" ? "zh-CN" : "en"}
          options={[
            { value: "en", label: "English" },
            { value: "zh-CN", label: "简体中文" },
          ]}
        />
        <fieldset className="flex flex-col gap-1">
          <legend className="mb-1 text-sm font-medium text-slate-800 dark:text-slate-200">{t("events")}</legend>
          {EVENT_TYPES.map((type) => (
            <label key={type} className="flex items-center gap-2 text-sm">
              <input type="checkbox" name={eventFieldName(type)} defaultChecked />
              {t(`eventNames.${eventNameKey(type)}`)}
            </label>
          ))}
          {state.fieldErrors?.events ? (
            <p role="alert" className="text-sm text-red-700 dark:text-red-300">
              {state.fieldErrors.events}
            </p>
          ) : null}
        </fieldset>
        <SubmitButton label={t("add")} pendingLabel={t("add")} className="self-start" />
        <ActionMessage state={state} />
      </form>
      {secret ? (
        <div className="flex flex-col gap-2 rounded-lg border border-emerald-300 bg-emerald-50 p-3 dark:border-emerald-800 dark:bg-emerald-950">
          <label htmlFor="webhook-secret" className="text-sm font-medium">
            {t("secretOnce")}
          </label>
          <input
            id="webhook-secret"
            readOnly
            value={secret}
            className="rounded border border-slate-300 bg-white px-2 py-1 font-mono text-xs dark:border-slate-700 dark:bg-slate-900"
            onFocus={(e) => e.currentTarget.select()}
          />
        </div>
      ) : null}
    </div>
  );
}
