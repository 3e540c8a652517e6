"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { createTeamAction } from "@/lib/actions/teams";
import { initialResult } from "@/lib/forms/action-result";
import { SubmitButton } from "@/components/ui/submit-button";
import { TextField } from "@/components/ui/text-field";

export function CreateTeamForm() {
  const t = useTranslations("teams");
  const [state, action] = useActionState(createTeamAction, initialResult);
  return (
    <form action={action} className="flex flex-col gap-4" noValidate>
      <TextField
        label={t("name")}
        name="name"
        required
        maxLength={60}
        defaultValue={state.values?.name}
        error={state.fieldErrors?.name}
      />
      <SubmitButton label={t("create")} pendingLabel={t("creating")} />
    </form>
  );
}
