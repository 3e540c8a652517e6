"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { revokeInviteAction } from "@/lib/actions/team-invites";
import { initialResult } from "@/lib/forms/action-result";
import { Button } from "@/components/ui/button";
import { ActionMessage } from "./action-message";

export function RevokeInviteButton({ teamId, inviteId, label }: { teamId: string; inviteId: string; label: string }) {
  const t = useTranslations("invites");
  const [state, action, pending] = useActionState(revokeInviteAction, initialResult);
  return (
    <form action={action} className="flex flex-col items-end gap-1">
      <input type="hidden" name="teamId" value={teamId} />
      <input type="hidden" name="inviteId" value={inviteId} />
      {state.formError ? <ActionMessage state={state} /> : null}
      <Button type="submit" variant="secondary" disabled={pending} aria-label={label} className="px-3 py-1">
        {t("revoke")}
      </Button>
    </form>
  );
}
