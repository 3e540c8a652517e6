"use client";

import { useTranslations } from "next-intl";
import type { SizeOption } from "@/lib/models";
import type { ConnectionOffer } from "@/lib/videos/form-rules";
import { SelectField } from "@/components/ui/select-field";
import { usePresetLabel } from "@/components/pricing/price-words";
import { findPreset } from "@/lib/models";

type Props = {
  offers: readonly ConnectionOffer[];
  connectionId: string;
  modelId: string;
  /** Only what validChoices allows for the chosen model (and its price on this connection). */
  sizes: readonly SizeOption[];
  durations: readonly number[];
  size: string;
  seconds: number;
  onConnection: (id: string) => void;
  onModel: (id: string) => void;
  onSize: (size: string) => void;
  onSeconds: (seconds: number) => void;
  errors?: Record<string, string>;
};

/**
 * Connection, then its models, then only the sizes and durations the registry allows for that
 * model on that connection: the form never offers an invalid or unpriced combination.
 */
export function ModelSettings(props: Props) {
  const { offers, connectionId, modelId, sizes, durations, size, seconds, errors } = props;
  const t = useTranslations("generate");
  const presetLabel = usePresetLabel();
  const offer = offers.find((o) => o.id === connectionId);
  const sizeLabel = (s: SizeOption) => {
    const key = s.height > s.width ? "sizePortrait" : s.width > s.height ? "sizeLandscape" : "sizeSquare";
    const label = t(key, { size: s.size });
    return s.delivered ? t("sizeDelivered", { label, width: s.delivered.width, height: s.delivered.height }) : label;
  };
  return (
    <div className="grid gap-4 sm:grid-cols-2">
      <SelectField
        label={t("connection")}
        name="connectionId"
        value={connectionId}
        onChange={(e) => props.onConnection(e.target.value)}
        error={errors?.connection ?? errors?.connectionId}
      >
        {offers.map((o) => (
          <option key={o.id} value={o.id}>
            {o.name}
          </option>
        ))}
      </SelectField>
      <SelectField
        label={t("model")}
        name="model"
        value={modelId}
        onChange={(e) => props.onModel(e.target.value)}
        error={errors?.model}
      >
        {offer ? (
          <optgroup label={`${offer.name} · ${presetLabel(findPreset(offer.preset), offer.preset)}`}>
            {offer.models.map((m) => (
              <option key={m.id} value={m.id}>
                {m.id}
              </option>
            ))}
          </optgroup>
        ) : null}
      </SelectField>
      <SelectField
        label={t("size")}
        name="size"
        value={size}
        onChange={(e) => props.onSize(e.target.value)}
        error={errors?.size}
      >
        {sizes.map((s) => (
          <option key={s.size} value={s.size}>
            {sizeLabel(s)}
          </option>
        ))}
      </SelectField>
      <SelectField
        label={t("seconds")}
        name="seconds"
        value={String(seconds)}
        onChange={(e) => props.onSeconds(Number(e.target.value))}
        error={errors?.seconds}
      >
        {durations.map((d) => (
          <option key={d} value={d}>
            {t("secondsOption", { seconds: d })}
          </option>
        ))}
      </SelectField>
    </div>
  );
}
