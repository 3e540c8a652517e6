"use client";

import { useActionState, useState, useSyncExternalStore } from "react";
import { useTranslations } from "next-intl";
import { createApiTokenAction } from "@/lib/actions/api-tokens";
import { API_TOKEN_EXPIRY_DAYS, API_TOKEN_NAME_MAX } from "@/lib/teams/api-token-rules";
import { initialResult } from "@/lib/forms/action-result";
import { Button } from "@/components/ui/button";
import { SubmitButton } from "@/components/ui/submit-button";
import { SelectField } from "@/components/ui/select-field";
import { TextField } from "@/components/ui/text-field";
import { ActionMessage } from "../action-message";

const noSubscribe = () => () => undefined;

/** Creates a team API token and shows its secret once, with a copy button. */
export function ApiTokenCreateForm({ teamId }: { teamId: string }) {
  const t = useTranslations("apiTokens");
  const [state, action] = useActionState(createApiTokenAction, initialResult);
  const [copied, setCopied] = useState<string | null>(null);
  // The address people use, as the browser sees it (behind a proxy the server may not know it).
  const origin = useSyncExternalStore(
    noSubscribe,
    () => window.location.origin,
    () => "",
  );
  const token = state.ok ? (state.data?.token ?? null) : null;
  const copy = async (value: string) => {
    await navigator.clipboard?.writeText(value).catch(() => undefined);
    setCopied(value);
  };
  return (
    <div className="flex flex-col gap-4">
      <p className="text-sm text-slate-600 dark:text-slate-400">
        {t("baseUrl", { url: `${origin}/api/v1` })}
        <br />
        {t("docs")}
      </p>
      <form action={action} className="flex flex-col gap-3">
        <input type="hidden" name="teamId" value={teamId} />
        <TextField
          label={t("name")}
          name="name"
          required
          maxLength={API_TOKEN_NAME_MAX}
          placeholder={t("namePlaceholder")}
          defaultValue={state.ok ? "" : (state.values?.name ?? "")}
          key={`name-${token ?? ""}`}
          error={state.fieldErrors?.name}
        />
        <TextField
          label={t("cap")}
          name="cap"
          inputMode="decimal"
          hint={t("capHint")}
          defaultValue={state.ok ? "" : (state.values?.cap ?? "")}
          key={`cap-${token ?? ""}`}
          error={state.fieldErrors?.cap}
        />
        <SelectField
          label={t("expiry")}
          name="expiry"
          defaultValue="never"
          options={[
            { value: "never", label: t("never") },
            ...API_TOKEN_EXPIRY_DAYS.map((d) => ({ value: String(d), label: t("days", { count: d }) })),
          ]}
        />
        <SubmitButton label={t("create")} pendingLabel={t("creating")} className="self-start" />
        {state.formError ? <ActionMessage state={state} /> : null}
      </form>
      {token ? (
        <div className="flex flex-col gap-2 rounded-lg border border-emerald-300 bg-emerald-50 p-3 dark:border-emerald-800 dark:bg-emerald-950">
          <label htmlFor="api-token-secret" className="text-sm font-medium">
            {t("secretLabel")}
          </label>
          <div className="flex gap-2">
            <input
              id="api-token-secret"
              readOnly
              value={token}
              onFocus={(e) => e.currentTarget.select()}
              className="min-w-0 flex-1 rounded-lg border border-slate-300 bg-white px-2 py-1.5 font-mono text-xs dark:border-slate-700 dark:bg-slate-900"
            />
            {/* Fire and forget: copy never rejects (a refused clipboard is ignored). */}
            <Button type="button" variant="secondary" onClick={() => void copy(token)}>
              {copied === token ? t("copied") : t("copy")}
            </Button>
          </div>
          <p className="text-xs text-slate-600 dark:text-slate-400">{t("shownOnce")}</p>
        </div>
      ) : null}
    </div>
  );
}
