"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { setRetentionAction } from "@/lib/actions/team-retention";
import { Alert } from "@/components/ui/alert";
import { SelectField } from "@/components/ui/select-field";
import { SubmitButton } from "@/components/ui/submit-button";
import { initialResult } from "@/lib/forms/action-result";
import { RETENTION_CHOICES, type RetentionChoice } from "@/lib/teams/retention";

export function RetentionForm({ teamId, current }: { teamId: string; current: RetentionChoice }) {
  const t = useTranslations("retention");
  const [state, action] = useActionState(setRetentionAction, initialResult);
  return (
    <form action={action} className="flex flex-col gap-3">
      <input type="hidden" name="teamId" value={teamId} />
      <SelectField
        label={t("label")}
        name="retention"
        defaultValue={state.values?.retention ?? current}
        options={RETENTION_CHOICES.map((c) => ({
          value: c,
          label: c === "keep" ? t("keep") : t("days", { days: Number(c) }),
        }))}
      />
      <p className="text-xs text-slate-500 dark:text-slate-400">{t("hint")}</p>
      {state.ok ? <Alert tone="success">{t("saved")}</Alert> : null}
      {state.formError ? <Alert>{state.formError}</Alert> : null}
      <SubmitButton label={t("save")} pendingLabel={t("saving")} />
    </form>
  );
}
