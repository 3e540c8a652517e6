"use client";

import { useActionState, useRef } from "react";
import { useFormStatus } from "react-dom";
import { useTranslations } from "next-intl";
import { deleteVideoAction } from "@/lib/actions/videos";
import { initialResult } from "@/lib/forms/action-result";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";

/** Delete after a confirmation in a native modal dialog (focus is trapped, Escape cancels). */
export function DeleteVideoButton({ teamId, taskId }: { teamId: string; taskId: string }) {
  const t = useTranslations("videoDetail.delete");
  const dialog = useRef<HTMLDialogElement>(null);
  const [state, action] = useActionState(deleteVideoAction, initialResult);
  return (
    <>
      <Button type="button" variant="danger" onClick={() => dialog.current?.showModal()}>
        {t("button")}
      </Button>
      <dialog
        ref={dialog}
        aria-labelledby="delete-title"
        className="m-auto w-[min(28rem,calc(100vw-2rem))] rounded-2xl border border-slate-200 bg-white p-5 text-slate-900 shadow-xl backdrop:bg-slate-950/50 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100"
      >
        <form action={action} className="flex flex-col gap-4">
          <input type="hidden" name="teamId" value={teamId} />
          <input type="hidden" name="taskId" value={taskId} />
          <h2 id="delete-title" className="text-lg font-semibold">
            {t("title")}
          </h2>
          <p className="text-sm text-slate-600 dark:text-slate-300">{t("body")}</p>
          {state.formError ? <Alert>{state.formError}</Alert> : null}
          <div className="flex flex-wrap justify-end gap-2">
            <Button type="button" variant="secondary" autoFocus onClick={() => dialog.current?.close()}>
              {t("cancel")}
            </Button>
            <ConfirmButton label={t("confirm")} pendingLabel={t("deleting")} />
          </div>
        </form>
      </dialog>
    </>
  );
}

function ConfirmButton({ label, pendingLabel }: { label: string; pendingLabel: string }) {
  const { pending } = useFormStatus();
  return (
    <Button type="submit" variant="danger" disabled={pending} aria-disabled={pending}>
      {pending ? pendingLabel : label}
    </Button>
  );
}
