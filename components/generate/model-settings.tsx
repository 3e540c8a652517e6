"use client";

import { useTranslations } from "next-intl";
import type { ModelSpec } from "@/lib/videos/model-registry";
import { SelectField } from "@/components/ui/select-field";

type Props = {
  models: ModelSpec[];
  model: ModelSpec;
  size: string;
  seconds: number;
  onModel: (id: string) => void;
  onSize: (size: string) => void;
  onSeconds: (seconds: number) => void;
  errors?: Record<string, string>;
};

/** Model, then only that model's sizes and durations, straight from the registry. */
export function ModelSettings({ models, model, size, seconds, onModel, onSize, onSeconds, errors }: Props) {
  const t = useTranslations("generate");
  return (
    <div className="grid gap-4 sm:grid-cols-3">
      <SelectField
        label={t("model")}
        name="model"
        value={model.id}
        onChange={(e) => onModel(e.target.value)}
        error={errors?.model}
      >
        {models.map((m) => (
          <option key={m.id} value={m.id}>
            {m.id}
          </option>
        ))}
      </SelectField>
      <SelectField
        label={t("size")}
        name="size"
        value={size}
        onChange={(e) => onSize(e.target.value)}
        error={errors?.size}
      >
        {model.sizes.map((s) => (
          <option key={s.size} value={s.size}>
            {s.height > s.width ? t("sizePortrait", { size: s.size }) : t("sizeLandscape", { size: s.size })}
          </option>
        ))}
      </SelectField>
      <SelectField
        label={t("seconds")}
        name="seconds"
        value={String(seconds)}
        onChange={(e) => onSeconds(Number(e.target.value))}
        error={errors?.seconds}
      >
        {model.durations.map((d) => (
          <option key={d} value={d}>
            {t("secondsOption", { seconds: d })}
          </option>
        ))}
      </SelectField>
    </div>
  );
}
