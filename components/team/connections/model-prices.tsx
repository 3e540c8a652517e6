"use client";

import { useActionState, useState } from "react";
import { useTranslations } from "next-intl";
import { setModelPriceAction } from "@/lib/actions/team-provider";
import { initialResult } from "@/lib/forms/action-result";
import {
  allDurations,
  describePrice,
  sizesOf,
  type ModelSpec,
  type Price,
  type PriceOverride,
  type PriceUnit,
} from "@/lib/models";
import { Button } from "@/components/ui/button";
import { SelectField } from "@/components/ui/select-field";
import { SubmitButton } from "@/components/ui/submit-button";
import { TextField } from "@/components/ui/text-field";
import { centsToInput, milliCentsToInput } from "@/lib/money/format";
import { usePriceWords } from "@/components/pricing/price-words";
import { ActionMessage } from "../action-message";

type StoredPrice = { modelId: string; price: Price; updatedAt: string };
type Props = {
  teamId: string;
  connectionId: string;
  models: readonly ModelSpec[];
  prices: readonly StoredPrice[];
  editable: boolean;
};

/** Every model of the connection: the catalogue price in its unit, and the admin's price next to it. */
export function ModelPrices({ teamId, connectionId, models, prices, editable }: Props) {
  const t = useTranslations("provider.prices");
  return (
    <details className="rounded-lg border border-slate-200 p-3 dark:border-slate-800">
      <summary className="cursor-pointer text-sm font-medium">
        {t("title")} ({models.length})
      </summary>
      <p className="mt-2 text-xs text-slate-500 dark:text-slate-400">{t("lead")}</p>
      <ul className="mt-3 divide-y divide-slate-200 dark:divide-slate-800">
        {models.map((model) => {
          const stored = prices.find((p) => p.modelId === model.id);
          const override = stored ? { modelId: model.id, price: stored.price } : null;
          return (
            <li key={model.id} className="py-3" data-testid="model-price">
              <ModelPriceRow
                teamId={teamId}
                connectionId={connectionId}
                model={model}
                override={override}
                editable={editable}
              />
            </li>
          );
        })}
      </ul>
    </details>
  );
}

function ModelPriceRow({
  teamId,
  connectionId,
  model,
  override,
  editable,
}: {
  teamId: string;
  connectionId: string;
  model: ModelSpec;
  override: PriceOverride | null;
  editable: boolean;
}) {
  const t = useTranslations("provider.prices");
  const words = usePriceWords();
  const catalogue = describePrice(model);
  const yours = override ? describePrice(model, override) : null;
  return (
    <div className="flex flex-col gap-2 text-sm">
      <div className="flex flex-wrap items-baseline gap-2">
        <span className="font-mono font-medium">{model.id}</span>
        <span className="text-slate-500 dark:text-slate-400">{model.label}</span>
        {yours ? (
          <span className="rounded-full bg-amber-100 px-2 py-0.5 text-xs font-medium text-amber-900 dark:bg-amber-900 dark:text-amber-100">
            {t("overridden")}
          </span>
        ) : null}
      </div>
      <div className="grid gap-2 sm:grid-cols-2">
        <div className={yours ? "text-slate-400 dark:text-slate-500" : ""}>
          <p className="text-xs font-medium text-slate-500 dark:text-slate-400">{t("catalogue")}</p>
          <ul>
            {words.lines(catalogue).map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        </div>
        {yours ? (
          <div>
            <p className="text-xs font-medium text-slate-500 dark:text-slate-400">{t("yours")}</p>
            <ul className="font-medium">
              {words.lines(yours).map((line) => (
                <li key={line}>{line}</li>
              ))}
            </ul>
          </div>
        ) : null}
      </div>
      <p className="text-xs text-slate-500 dark:text-slate-400">{words.billing(catalogue)}</p>
      {editable ? <PriceEditor teamId={teamId} connectionId={connectionId} model={model} override={override} /> : null}
    </div>
  );
}

/** Amounts the editor starts with for a unit: the price in force when it has that unit, else blank. */
function startingAmounts(model: ModelSpec, price: Price, unit: PriceUnit): Record<string, string> {
  const out: Record<string, string> = {};
  if (price.unit !== unit) return out;
  switch (price.unit) {
    case "per_request":
      out.cents = centsToInput(price.cents);
      break;
    case "per_second":
      for (const [tier, rate] of Object.entries(price.milliCentsPerSecond))
        out[`rate:${tier}`] = milliCentsToInput(rate);
      break;
    case "per_clip":
      for (const seconds of allDurations(model)) {
        const tier = price.tiers.find((x) => seconds <= x.maxSeconds);
        if (tier) out[`clip:${seconds}`] = centsToInput(tier.cents);
      }
      break;
  }
  return out;
}

function PriceEditor({
  teamId,
  connectionId,
  model,
  override,
}: {
  teamId: string;
  connectionId: string;
  model: ModelSpec;
  override: PriceOverride | null;
}) {
  const t = useTranslations("provider.prices");
  const [state, action, pending] = useActionState(setModelPriceAction, initialResult);
  const current = override?.price ?? model.price;
  const [unit, setUnit] = useState<PriceUnit>(current.unit);
  const start = startingAmounts(model, current, unit);
  const tiers = [...new Set(sizesOf(model).map((s) => s.tier))];
  const seconds = allDurations(model);
  const priceError = state.fieldErrors?.price ?? state.fieldErrors?.unit;
  const field = (name: string, label: string) => (
    <TextField
      key={`${unit}-${name}`}
      label={label}
      name={name}
      inputMode="decimal"
      autoComplete="off"
      defaultValue={start[name] ?? ""}
      className="w-44"
    />
  );
  return (
    <details className="text-sm">
      <summary className="cursor-pointer text-brand-600 dark:text-brand-100">{t("yours")}</summary>
      <form action={action} className="mt-2 flex flex-col gap-3" noValidate>
        <input type="hidden" name="teamId" value={teamId} />
        <input type="hidden" name="connectionId" value={connectionId} />
        <input type="hidden" name="modelId" value={model.id} />
        <SelectField
          label={t("unit")}
          name="unit"
          value={unit}
          onChange={(e) => setUnit(e.target.value as PriceUnit)}
          className="max-w-xs"
        >
          {(["per_second", "per_request", "per_clip"] as const).map((u) => (
            <option key={u} value={u}>
              {t(`units.${u}`)}
            </option>
          ))}
        </SelectField>
        <div className="flex flex-wrap gap-3">
          {unit === "per_request" ? field("cents", t("perRequest")) : null}
          {unit === "per_second" ? tiers.map((tier) => field(`rate:${tier}`, t("ratePerSecond", { tier }))) : null}
          {unit === "per_clip" ? seconds.map((s) => field(`clip:${s}`, t("perClip", { seconds: s }))) : null}
        </div>
        {unit !== "per_request" ? (
          <p className="text-xs text-slate-500 dark:text-slate-400">{t("blankNotOffered")}</p>
        ) : null}
        {priceError ? (
          <p role="alert" className="text-xs font-medium text-red-600 dark:text-red-400">
            {priceError}
          </p>
        ) : null}
        <ActionMessage state={state} />
        <div className="flex flex-wrap gap-2">
          <SubmitButton label={t("save")} pendingLabel={t("saving")} />
          {override ? (
            <Button type="submit" name="clear" value="1" variant="ghost" disabled={pending}>
              {t("reset")}
            </Button>
          ) : null}
        </div>
      </form>
    </details>
  );
}
