"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import {
  deleteWebhookEndpointAction,
  enableWebhookEndpointAction,
  sendTestNotificationAction,
} from "@/lib/actions/notifications";
import { initialResult } from "@/lib/forms/action-result";
import { Button } from "@/components/ui/button";
import { ActionMessage } from "../action-message";

type Props = { teamId: string; endpointId: string; name: string; disabled: boolean };

function EndpointButton({
  teamId,
  endpointId,
  label,
  ariaLabel,
  action: serverAction,
}: {
  teamId: string;
  endpointId: string;
  label: string;
  ariaLabel: string;
  action: typeof sendTestNotificationAction;
}) {
  const [state, action, pending] = useActionState(serverAction, initialResult);
  return (
    <form action={action} className="flex flex-col items-start gap-1">
      <input type="hidden" name="teamId" value={teamId} />
      <input type="hidden" name="endpointId" value={endpointId} />
      <Button type="submit" variant="secondary" disabled={pending} aria-label={ariaLabel} className="px-3 py-1">
        {label}
      </Button>
      <ActionMessage state={state} />
    </form>
  );
}

/** Send test, turn back on (when off) and remove, each with its own answer. */
export function EndpointButtons({ teamId, endpointId, name, disabled }: Props) {
  const t = useTranslations("notifications");
  const common = { teamId, endpointId };
  return (
    <div className="flex flex-wrap items-start gap-2">
      <EndpointButton
        {...common}
        action={sendTestNotificationAction}
        label={t("sendTest")}
        ariaLabel={`${t("sendTest")}: ${name}`}
      />
      {disabled ? (
        <EndpointButton
          {...common}
          action={enableWebhookEndpointAction}
          label={t("enable")}
          ariaLabel={`${t("enable")}: ${name}`}
        />
      ) : null}
      <EndpointButton
        {...common}
        action={deleteWebhookEndpointAction}
        label={t("delete")}
        ariaLabel={`${t("delete")}: ${name}`}
      />
    </div>
  );
}
