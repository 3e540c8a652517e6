"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { leaveTeamAction, transferOwnershipAction } from "@/lib/actions/team-members";
import { initialResult } from "@/lib/forms/action-result";
import { Button } from "@/components/ui/button";
import { ActionMessage } from "./action-message";
import { SelectField } from "@/components/ui/select-field";

/** Leaving (anyone but the owner), or handing the team over (the owner only). */
export function LeaveTeamForm({ teamId, teamName }: { teamId: string; teamName: string }) {
  const t = useTranslations("teamAdmin");
  const [state, action, pending] = useActionState(leaveTeamAction, initialResult);
  return (
    <form
      action={action}
      onSubmit={(e) => {
        if (!window.confirm(t("leaveConfirm", { team: teamName }))) e.preventDefault();
      }}
      className="flex flex-col gap-2"
    >
      <input type="hidden" name="teamId" value={teamId} />
      <p className="text-sm text-slate-600 dark:text-slate-400">{t("leaveLead")}</p>
      <ActionMessage state={state} />
      <Button type="submit" variant="danger" disabled={pending} className="self-start">
        {t("leave")}
      </Button>
    </form>
  );
}

export function TransferOwnershipForm({
  teamId,
  candidates,
}: {
  teamId: string;
  candidates: { userId: string; name: string }[];
}) {
  const t = useTranslations("teamAdmin");
  const [state, action, pending] = useActionState(transferOwnershipAction, initialResult);
  if (!candidates.length) return <p className="text-sm text-slate-600 dark:text-slate-400">{t("transferNobody")}</p>;
  return (
    <form
      action={action}
      onSubmit={(e) => {
        const select = e.currentTarget.elements.namedItem("userId") as HTMLSelectElement | null;
        const name = select?.selectedOptions[0]?.text ?? "";
        if (!window.confirm(t("transferConfirm", { name }))) e.preventDefault();
      }}
      className="flex flex-col gap-2"
    >
      <input type="hidden" name="teamId" value={teamId} />
      <p className="text-sm text-slate-600 dark:text-slate-400">{t("transferLead")}</p>
      <SelectField
        label={t("newOwner")}
        name="userId"
        options={candidates.map((c) => ({ value: c.userId, label: c.name }))}
      />
      <ActionMessage state={state} />
      <Button type="submit" variant="danger" disabled={pending} className="self-start">
        {t("transfer")}
      </Button>
    </form>
  );
}
