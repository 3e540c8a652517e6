"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { acceptInviteAction } from "@/lib/actions/team-invites";
import { initialResult } from "@/lib/forms/action-result";
import { SubmitButton } from "@/components/ui/submit-button";
import { ActionMessage } from "./action-message";

export function InviteAcceptForm({ token, team }: { token: string; team: string }) {
  const t = useTranslations("invites");
  const [state, action] = useActionState(acceptInviteAction, initialResult);
  return (
    <form action={action} className="flex flex-col gap-3">
      <input type="hidden" name="token" value={token} />
      <ActionMessage state={state} />
      <SubmitButton label={t("join", { team })} pendingLabel={t("joining")} />
    </form>
  );
}
