"use client";

import { useActionState, useEffect, useRef } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { checkNowAction, type CheckNowAnswer } from "@/lib/actions/stuck-jobs";
import { initialResult, type ActionResult } from "@/lib/forms/action-result";
import type { TaskWatch } from "@/lib/videos/stuck-jobs";
import { Button } from "@/components/ui/button";

/**
 * "Check now": asks the provider about this job once (the engine's lease, at most once per 10 s);
 * hands the new watch up and refreshes the page so the status and timeline follow.
 */
export function CheckNowButton({
  teamId,
  taskId,
  onWatch,
  label,
}: {
  teamId: string;
  taskId: string;
  onWatch?: (watch: TaskWatch) => void;
  label?: string;
}) {
  const t = useTranslations("stuck.checkNow");
  const router = useRouter();
  const [state, action, pending] = useActionState<ActionResult<CheckNowAnswer>, FormData>(
    checkNowAction,
    initialResult,
  );
  const seen = useRef(state);
  useEffect(() => {
    if (state === seen.current) return;
    seen.current = state;
    if (state.data) {
      onWatch?.(state.data.watch);
      router.refresh();
    }
  }, [state, onWatch, router]);
  const message = state.formError ?? state.message;
  return (
    <form action={action} className="flex flex-wrap items-center gap-2">
      <input type="hidden" name="teamId" value={teamId} />
      <input type="hidden" name="taskId" value={taskId} />
      <Button type="submit" variant="secondary" disabled={pending} aria-label={label} className="px-3 py-1">
        {pending ? t("checking") : t("button")}
      </Button>
      <p role="status" aria-live="polite" className="text-xs text-slate-600 dark:text-slate-300">
        {pending ? "" : (message ?? "")}
      </p>
    </form>
  );
}
