"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { setTeamBudgetAction } from "@/lib/actions/team-budget";
import { initialResult } from "@/lib/forms/action-result";
import { SubmitButton } from "@/components/ui/submit-button";
import { TextField } from "@/components/ui/text-field";
import { ActionMessage } from "@/components/team/action-message";

/** The team's monthly budget in dollars ("250" or "250.00"); empty removes it. */
export function BudgetForm({ teamId, budgetInput }: { teamId: string; budgetInput: string }) {
  const t = useTranslations("budget");
  const [state, action] = useActionState(setTeamBudgetAction, initialResult);
  return (
    <form action={action} className="flex flex-col gap-3" noValidate>
      <input type="hidden" name="teamId" value={teamId} />
      <TextField
        label={t("teamBudget")}
        name="budget"
        inputMode="decimal"
        placeholder={t("noLimitPlaceholder")}
        defaultValue={state.values?.budget ?? budgetInput}
        hint={t("teamBudgetHint")}
        error={state.fieldErrors?.budget}
      />
      <ActionMessage state={state} />
      <SubmitButton label={t("save")} pendingLabel={t("saving")} className="self-start" />
    </form>
  );
}
