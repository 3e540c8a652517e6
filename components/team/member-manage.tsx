"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { changeRoleAction, removeMemberAction } from "@/lib/actions/team-members";
import { setMemberCapAction } from "@/lib/actions/team-budget";
import { ASSIGNABLE_ROLES } from "@/lib/teams/permissions";
import type { Role } from "@/lib/teams/roles";
import { initialResult } from "@/lib/forms/action-result";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/text-field";
import { ActionMessage } from "./action-message";
import { SelectField } from "@/components/ui/select-field";

type Props = {
  teamId: string;
  member: { userId: string; name: string; role: Role; capInput: string };
  canRole: boolean;
  canCap: boolean;
  canRemove: boolean;
};

/** The controls for one member, behind a disclosure so the list stays readable. */
export function MemberManage({ teamId, member, canRole, canCap, canRemove }: Props) {
  const t = useTranslations();
  const [roleState, roleAction, rolePending] = useActionState(changeRoleAction, initialResult);
  const [capState, capAction, capPending] = useActionState(setMemberCapAction, initialResult);
  const [removeState, removeAction, removePending] = useActionState(removeMemberAction, initialResult);
  return (
    <details className="group w-full rounded-lg border border-slate-200 px-3 py-2 text-sm sm:w-auto dark:border-slate-800">
      <summary className="cursor-pointer font-medium text-brand-700 select-none dark:text-brand-100">
        {t("teamAdmin.manage", { name: member.name })}
      </summary>
      <div className="mt-3 flex flex-col gap-4 sm:min-w-80">
        {canRole ? (
          <form action={roleAction} className="flex flex-col gap-2">
            <input type="hidden" name="teamId" value={teamId} />
            <input type="hidden" name="userId" value={member.userId} />
            <SelectField
              label={t("teamAdmin.roleFor", { name: member.name })}
              name="role"
              defaultValue={member.role}
              options={ASSIGNABLE_ROLES.map((r) => ({ value: r, label: t(`shell.role.${r}`) }))}
            />
            <ActionMessage state={roleState} />
            <Button type="submit" variant="secondary" disabled={rolePending}>
              {t("teamAdmin.saveRole")}
            </Button>
          </form>
        ) : null}
        {canCap ? (
          <form action={capAction} className="flex flex-col gap-2">
            <input type="hidden" name="teamId" value={teamId} />
            <input type="hidden" name="userId" value={member.userId} />
            <TextField
              label={t("budget.capFor", { name: member.name })}
              name="cap"
              inputMode="decimal"
              placeholder={t("budget.noLimitPlaceholder")}
              defaultValue={capState.values?.cap ?? member.capInput}
              hint={t("budget.capHint")}
              error={capState.fieldErrors?.cap}
            />
            <ActionMessage state={capState} />
            <Button type="submit" variant="secondary" disabled={capPending}>
              {t("budget.saveCap")}
            </Button>
          </form>
        ) : null}
        {canRemove ? (
          <form
            action={removeAction}
            onSubmit={(e) => {
              if (!window.confirm(t("teamAdmin.removeConfirm", { name: member.name }))) e.preventDefault();
            }}
            className="flex flex-col gap-2"
          >
            <input type="hidden" name="teamId" value={teamId} />
            <input type="hidden" name="userId" value={member.userId} />
            <ActionMessage state={removeState} />
            <Button type="submit" variant="danger" disabled={removePending}>
              {t("teamAdmin.remove", { name: member.name })}
            </Button>
          </form>
        ) : null}
      </div>
    </details>
  );
}
