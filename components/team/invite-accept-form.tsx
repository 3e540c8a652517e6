"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { acceptInviteAction } from "@/lib/actions/team-invites";
import type { TeamActionState } from "@/lib/teams/team-action-state";
import { SubmitButton } from "@/components/ui/submit-button";
import { ActionMessage } from "./action-message";

const initial: TeamActionState = {};

export function InviteAcceptForm({ token, team }: { token: string; team: string }) {
  const t = useTranslations("invites");
  const [state, action] = useActionState(acceptInviteAction, initial);
  return (
    <form action={action} className="flex flex-col gap-3">
      <input type="hidden" name="token" value={token} />
      <ActionMessage state={state} />
      <SubmitButton label={t("join", { team })} pendingLabel={t("joining")} />
    </form>
  );
}
