"use client";

import { useActionState, useState } from "react";
import { useTranslations } from "next-intl";
import { saveProviderAction, testProviderAction } from "@/lib/actions/team-provider";
import type { ChannelId } from "@/lib/videos/model-registry";
import { initialResult } from "@/lib/forms/action-result";
import { Button } from "@/components/ui/button";
import { SubmitButton } from "@/components/ui/submit-button";
import { TextField } from "@/components/ui/text-field";
import { ActionMessage } from "./action-message";
const CHANNELS: ChannelId[] = ["simulator", "openai", "apiyi", "custom"];

type Props = { teamId: string; channel: ChannelId; baseUrl: string | null; keyLast4: string | null };

/**
 * Channel, base URL and key. The stored key never reaches this component: only its last four.
 * The key field is always empty; leaving it empty keeps the stored key.
 */
export function ProviderForm({ teamId, channel: savedChannel, baseUrl, keyLast4 }: Props) {
  const t = useTranslations("provider");
  const [state, action] = useActionState(saveProviderAction, initialResult);
  const [testState, testAction, testing] = useActionState(testProviderAction, initialResult);
  const [channel, setChannel] = useState<ChannelId>(savedChannel);
  return (
    <div className="flex flex-col gap-6">
      <form action={action} className="flex flex-col gap-4" noValidate>
        <input type="hidden" name="teamId" value={teamId} />
        <fieldset className="flex flex-col gap-2">
          <legend className="mb-1 text-sm font-medium">{t("channel")}</legend>
          {CHANNELS.map((id) => (
            <label
              key={id}
              className="flex items-start gap-2 rounded-lg border border-slate-200 p-2 text-sm has-[:checked]:border-brand-500 dark:border-slate-800"
            >
              <input
                type="radio"
                name="channel"
                value={id}
                checked={channel === id}
                onChange={() => setChannel(id)}
                className="mt-1"
              />
              <span>
                <span className="font-medium">{t(`channels.${id}.name`)}</span>
                <span className="block text-xs text-slate-500 dark:text-slate-400">{t(`channels.${id}.hint`)}</span>
              </span>
            </label>
          ))}
        </fieldset>
        {channel === "custom" ? (
          <TextField
            label={t("baseUrl")}
            name="baseUrl"
            type="url"
            placeholder="https://relay.example.com/v1"
            defaultValue={state.values?.baseUrl ?? baseUrl ?? ""}
            hint={t("baseUrlHint")}
            error={state.fieldErrors?.baseUrl}
          />
        ) : null}
        {channel !== "simulator" ? (
          <TextField
            label={t("apiKey")}
            name="apiKey"
            type="password"
            autoComplete="off"
            spellCheck={false}
            placeholder={keyLast4 ? `••••${keyLast4}` : "sk-…"}
            hint={keyLast4 ? t("keyKeepHint", { last4: keyLast4 }) : t("keyHint")}
            error={state.fieldErrors?.apiKey}
          />
        ) : (
          <p className="text-sm text-slate-600 dark:text-slate-400">{t("simulatorNoKey")}</p>
        )}
        <ActionMessage state={state} />
        <SubmitButton label={t("save")} pendingLabel={t("saving")} className="self-start" />
      </form>
      <form action={testAction} className="flex flex-col gap-2 border-t border-slate-200 pt-4 dark:border-slate-800">
        <input type="hidden" name="teamId" value={teamId} />
        <p className="text-sm text-slate-600 dark:text-slate-400">{t("testLead")}</p>
        <ActionMessage state={testState} />
        <Button type="submit" variant="secondary" disabled={testing} className="self-start">
          {testing ? t("testing") : t("testButton")}
        </Button>
      </form>
    </div>
  );
}
