"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { revokeApiTokenAction } from "@/lib/actions/api-tokens";
import { initialResult } from "@/lib/forms/action-result";
import { Button } from "@/components/ui/button";
import { ActionMessage } from "../action-message";

export function RevokeApiTokenButton({ teamId, tokenId, name }: { teamId: string; tokenId: string; name: string }) {
  const t = useTranslations("apiTokens");
  const [state, action, pending] = useActionState(revokeApiTokenAction, initialResult);
  return (
    <form action={action} className="flex flex-col items-end gap-1">
      <input type="hidden" name="teamId" value={teamId} />
      <input type="hidden" name="tokenId" value={tokenId} />
      {state.formError ? <ActionMessage state={state} /> : null}
      <Button
        type="submit"
        variant="secondary"
        disabled={pending}
        aria-label={t("revokeLabel", { name })}
        className="px-3 py-1"
      >
        {t("revoke")}
      </Button>
    </form>
  );
}
