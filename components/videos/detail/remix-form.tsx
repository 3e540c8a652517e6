"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { remixVideoAction } from "@/lib/actions/videos";
import { initialResult } from "@/lib/forms/action-result";
import { Alert } from "@/components/ui/alert";
import { SubmitButton } from "@/components/ui/submit-button";
import { controlClass } from "@/components/ui/control-class";

/** A remix is a new video (a new task, priced like this one); on success the page moves to it. */
export function RemixForm({
  teamId,
  taskId,
  idempotencyKey,
  price,
}: {
  teamId: string;
  taskId: string;
  idempotencyKey: string;
  price: string;
}) {
  const t = useTranslations("videoDetail.remix");
  const [state, action] = useActionState(remixVideoAction, initialResult);
  const error = state.fieldErrors?.prompt;
  return (
    <form action={action} noValidate className="flex flex-col gap-3">
      <input type="hidden" name="teamId" value={teamId} />
      <input type="hidden" name="taskId" value={taskId} />
      <input type="hidden" name="idempotencyKey" value={idempotencyKey} />
      <p className="text-sm text-slate-600 dark:text-slate-400">
        {t("lead")} <span className="font-medium text-slate-800 tabular-nums dark:text-slate-200">{price}</span>
      </p>
      <label htmlFor="remix-prompt" className="text-sm font-medium">
        {t("prompt")}
      </label>
      <textarea
        id="remix-prompt"
        name="prompt"
        rows={3}
        defaultValue={state.values?.prompt}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? "remix-prompt-error" : undefined}
        className={controlClass(Boolean(error))}
      />
      {error ? (
        <p id="remix-prompt-error" className="text-xs font-medium text-red-600 dark:text-red-400">
          {error}
        </p>
      ) : null}
      {state.formError ? <Alert>{state.formError}</Alert> : null}
      <SubmitButton label={t("submit")} pendingLabel={t("submitting")} className="self-start" />
    </form>
  );
}
