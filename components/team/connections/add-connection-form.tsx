"use client";

import { useActionState, useState } from "react";
import { useTranslations } from "next-intl";
import { addConnectionAction } from "@/lib/actions/team-provider";
import { initialResult } from "@/lib/forms/action-result";
import { findPreset } from "@/lib/models";
import { SelectField } from "@/components/ui/select-field";
import { SubmitButton } from "@/components/ui/submit-button";
import { TextField } from "@/components/ui/text-field";
import { usePresetLabel } from "@/components/pricing/price-words";
import { ActionMessage } from "../action-message";
import { PresetNotice } from "./preset-notice";
import { groupedPresets } from "./preset-groups";

/**
 * A new connection: its kind (preset), a name, the base URL when the kind is not built in (the
 * preset's default filled in, or empty for a custom relay), and the key. The key is never echoed.
 */
const DEFAULT_PRESET = "simulator-relay";

export function AddConnectionForm({ teamId }: { teamId: string }) {
  const t = useTranslations("provider");
  const tc = useTranslations("catalogue");
  const presetLabel = usePresetLabel();
  const [presetId, setPresetId] = useState(DEFAULT_PRESET);
  // After a successful add React resets the form's fields to their defaults: the chosen kind goes
  // back with them, so the select, the models line and the name always agree.
  const [state, action] = useActionState(
    async (previous: Awaited<ReturnType<typeof addConnectionAction>>, data: FormData) => {
      const result = await addConnectionAction(previous, data);
      if (result.ok) setPresetId(DEFAULT_PRESET);
      return result;
    },
    initialResult,
  );
  const preset = findPreset(presetId);
  const builtIn = Boolean(preset?.simulatorProfile);
  const errors = state.fieldErrors ?? {};
  // A failed submit refills what was typed for the same kind; a new kind starts from its defaults.
  const refill = !state.ok && state.values?.preset === presetId ? state.values : undefined;

  return (
    <form action={action} className="flex flex-col gap-4" noValidate>
      <div>
        <h2 className="font-semibold">{t("add.title")}</h2>
        <p className="text-sm text-slate-600 dark:text-slate-400">{t("add.lead")}</p>
      </div>
      <input type="hidden" name="teamId" value={teamId} />
      <SelectField
        label={t("add.preset")}
        name="preset"
        value={presetId}
        onChange={(e) => setPresetId(e.target.value)}
        error={errors.preset}
      >
        {groupedPresets().map(({ group, presets }) => (
          <optgroup key={group} label={group === "openrouter" ? tc("group") : t(`groups.${group}`)}>
            {presets.map((p) => (
              <option key={p.id} value={p.id}>
                {presetLabel(p, p.id)}
              </option>
            ))}
          </optgroup>
        ))}
      </SelectField>
      {preset ? (
        <p className="-mt-2 text-xs text-slate-500 dark:text-slate-400">
          {builtIn ? `${t("simulatorHint")} ` : null}
          {preset.catalogue
            ? tc("addHint")
            : t("add.models", { count: preset.models.length, models: preset.models.map((m) => m.id).join(", ") })}
        </p>
      ) : null}
      <PresetNotice noticeKey={preset?.noticeKey} />
      <TextField
        key={`name-${presetId}`}
        label={t("add.name")}
        name="name"
        maxLength={60}
        defaultValue={refill?.name ?? presetLabel(preset, "")}
        hint={t("add.nameHint")}
        error={errors.name}
      />
      {!builtIn ? (
        <>
          <TextField
            key={`url-${presetId}`}
            label={t("baseUrl")}
            name="baseUrl"
            type="url"
            placeholder="https://relay.example.com/v1"
            defaultValue={refill?.baseUrl ?? preset?.defaultBaseUrl ?? ""}
            hint={preset?.defaultBaseUrl ? t("baseUrlDefaultHint") : t("baseUrlHint")}
            error={errors.baseUrl}
          />
          <TextField
            label={t("apiKey")}
            name="apiKey"
            type="password"
            autoComplete="off"
            spellCheck={false}
            placeholder="sk-…"
            hint={t("keyHint")}
            error={errors.apiKey}
          />
        </>
      ) : null}
      <ActionMessage state={state} />
      <SubmitButton label={t("add.submit")} pendingLabel={t("add.submitting")} className="self-start" />
    </form>
  );
}
