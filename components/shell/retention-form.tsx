"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { setRetentionAction } from "@/lib/actions/team-retention";
import { Alert } from "@/components/ui/alert";
import { SubmitButton } from "@/components/ui/submit-button";
import { RETENTION_CHOICES, type RetentionChoice } from "@/lib/teams/retention";

export function RetentionForm({ teamId, current }: { teamId: string; current: RetentionChoice }) {
  const t = useTranslations("retention");
  const [state, action] = useActionState(setRetentionAction, {});
  return (
    <form action={action} className="flex flex-col gap-3">
      <input type="hidden" name="teamId" value={teamId} />
      <label htmlFor="retention" className="text-sm font-medium">
        {t("label")}
      </label>
      <select
        id="retention"
        name="retention"
        defaultValue={state.values?.retention ?? current}
        className="rounded-lg border border-slate-300 bg-white px-2 py-1.5 text-sm outline-none focus-visible:ring-2 focus-visible:ring-brand-500 dark:border-slate-700 dark:bg-slate-900"
      >
        {RETENTION_CHOICES.map((c) => (
          <option key={c} value={c}>
            {c === "keep" ? t("keep") : t("days", { days: Number(c) })}
          </option>
        ))}
      </select>
      <p className="text-xs text-slate-500 dark:text-slate-400">{t("hint")}</p>
      {state.ok ? <Alert tone="success">{t("saved")}</Alert> : null}
      {state.formError ? <Alert>{state.formError}</Alert> : null}
      <SubmitButton label={t("save")} pendingLabel={t("saving")} />
    </form>
  );
}
