"use client";

import { useActionState, useState } from "react";
import { useTranslations } from "next-intl";
import { createInviteAction } from "@/lib/actions/team-invites";
import { INVITE_EXPIRY_DAYS } from "@/lib/teams/invite-token";
import { ASSIGNABLE_ROLES, DEFAULT_INVITE_ROLE } from "@/lib/teams/permissions";
import { initialResult } from "@/lib/forms/action-result";
import { Button } from "@/components/ui/button";
import { SubmitButton } from "@/components/ui/submit-button";
import { ActionMessage } from "./action-message";
import { SelectField } from "@/components/ui/select-field";

/** Creates an invite link and shows it once, with a copy button. */
export function InviteCreateForm({ teamId }: { teamId: string }) {
  const t = useTranslations();
  const [state, action] = useActionState(createInviteAction, initialResult);
  const [copied, setCopied] = useState<string | null>(null);
  const copyLink = async (value: string) => {
    await navigator.clipboard?.writeText(value).catch(() => undefined);
    setCopied(value);
  };
  const link =
    state.data?.invitePath && typeof window !== "undefined"
      ? `${window.location.origin}${state.data.invitePath}`
      : null;
  return (
    <form action={action} className="flex flex-col gap-3">
      <input type="hidden" name="teamId" value={teamId} />
      <div className="grid gap-3 sm:grid-cols-2">
        <SelectField
          label={t("invites.role")}
          name="role"
          defaultValue={DEFAULT_INVITE_ROLE}
          options={ASSIGNABLE_ROLES.map((r) => ({ value: r, label: t(`shell.role.${r}`) }))}
        />
        <SelectField
          label={t("invites.expiresIn")}
          name="days"
          defaultValue="7"
          options={INVITE_EXPIRY_DAYS.map((d) => ({ value: String(d), label: t("invites.days", { count: d }) }))}
        />
      </div>
      <SubmitButton label={t("invites.create")} pendingLabel={t("invites.creating")} className="self-start" />
      {state.formError ? <ActionMessage state={state} /> : null}
      {link ? (
        <div className="flex flex-col gap-2 rounded-lg border border-emerald-300 bg-emerald-50 p-3 dark:border-emerald-800 dark:bg-emerald-950">
          <label htmlFor="invite-link" className="text-sm font-medium">
            {t("invites.linkLabel")}
          </label>
          <div className="flex gap-2">
            <input
              id="invite-link"
              readOnly
              value={link}
              onFocus={(e) => e.currentTarget.select()}
              className="min-w-0 flex-1 rounded-lg border border-slate-300 bg-white px-2 py-1.5 font-mono text-xs dark:border-slate-700 dark:bg-slate-900"
            />
            <Button
              type="button"
              variant="secondary"
              // Fire and forget: copyLink never rejects (a refused clipboard is ignored), and the
              // button only needs to show "Copied" once it is done.
              onClick={() => void copyLink(link)}
            >
              {copied === link ? t("invites.copied") : t("invites.copy")}
            </Button>
          </div>
          <p className="text-xs text-slate-600 dark:text-slate-400">{t("invites.shownOnce")}</p>
        </div>
      ) : null}
    </form>
  );
}
