import { durationsAt, findSize, sizesOf } from "./shapes";
import type { BillingTiming, FieldProblem, ModelSpec, Price, PriceOverride, PriceUnit } from "./types";

// What a video costs, in integer US cents, from the model's catalogue price or an admin's
// override for the connection. One function for the preview, the budget and the charge.
//
//   estimateCents(model, { size, seconds }, override?)  → { offered: true, cents, … } | { offered: false, reason }
//   effectivePrice(model, override?)                    the price in force (override wins)
//   describePrice(model, override?)                     data for the UI, in the provider's unit
//   billingTiming(model)                                on_completion | at_create_refund_on_failure
//   checkPrice(value)                                   an admin's price checked: integers ≥ 0, tiers in order
//
// Rounding: per-second rates are milli-cents; cents = ceil(rate × seconds / 1000), once. With the
// catalogue's whole-cent rates this is exact; an override of 2_500 (= $0.025/s) for 5 s gives 13 (12.5 up).

export type NotOfferedReason = "size" | "seconds" | "combination" | "no_price";

export type Estimate =
  | { offered: true; cents: number; unit: PriceUnit; billing: BillingTiming; overridden: boolean }
  | { offered: false; reason: NotOfferedReason };

export function effectivePrice(model: ModelSpec, override?: PriceOverride | null): Price {
  return override && override.modelId === model.id ? override.price : model.price;
}

export function billingTiming(model: ModelSpec): BillingTiming {
  return model.billing;
}

export function estimateCents(
  model: ModelSpec,
  request: { size: string; seconds: number },
  override?: PriceOverride | null,
): Estimate {
  const option = findSize(model, request.size);
  if (!option) return { offered: false, reason: "size" };
  if (!durationsAt(model).includes(request.seconds)) return { offered: false, reason: "seconds" };
  if (!durationsAt(model, request.size).includes(request.seconds)) return { offered: false, reason: "combination" };
  const price = effectivePrice(model, override);
  const cents = priceCents(price, option.tier, request.seconds);
  if (cents === null) return { offered: false, reason: "no_price" };
  return { offered: true, cents, unit: price.unit, billing: model.billing, overridden: price !== model.price };
}

function priceCents(price: Price, tier: string, seconds: number): number | null {
  switch (price.unit) {
    case "per_request":
      return price.cents;
    case "per_clip":
      return price.tiers.find((t) => seconds <= t.maxSeconds)?.cents ?? null;
    case "per_second": {
      const rate = price.milliCentsPerSecond[tier] ?? price.milliCentsPerSecond["*"];
      return rate === undefined ? null : Math.ceil((rate * seconds) / 1000);
    }
  }
}

export type PriceDescription = { overridden: boolean; billing: BillingTiming } & (
  | {
      unit: "per_second";
      /** One row per size tier the model has, in catalogue order; a tier with no rate is left out. */
      tiers: { tier: string; sizes: string[]; milliCentsPerSecond: number }[];
    }
  | { unit: "per_request"; cents: number }
  | {
      unit: "per_clip";
      /** One row per duration tier, with the seconds of the model it covers. */
      tiers: { maxSeconds: number; cents: number; seconds: number[] }[];
    }
);

/** "$0.10 per second (720p)", "$1.20 per request", "$0.25 per clip": as data, the UI words it. */
export function describePrice(model: ModelSpec, override?: PriceOverride | null): PriceDescription {
  const price = effectivePrice(model, override);
  const common = { overridden: price !== model.price, billing: model.billing };
  switch (price.unit) {
    case "per_request":
      return { ...common, unit: "per_request", cents: price.cents };
    case "per_clip": {
      const seconds = durationsAt(model);
      let floor = 0;
      const tiers = price.tiers.map((t) => {
        const covered = seconds.filter((s) => s > floor && s <= t.maxSeconds);
        floor = t.maxSeconds;
        return { maxSeconds: t.maxSeconds, cents: t.cents, seconds: covered };
      });
      return { ...common, unit: "per_clip", tiers };
    }
    case "per_second": {
      const byTier = new Map<string, string[]>();
      for (const option of sizesOf(model)) byTier.set(option.tier, [...(byTier.get(option.tier) ?? []), option.size]);
      const tiers = [...byTier].flatMap(([tier, sizes]) => {
        const rate = price.milliCentsPerSecond[tier] ?? price.milliCentsPerSecond["*"];
        return rate === undefined ? [] : [{ tier, sizes, milliCentsPerSecond: rate }];
      });
      return { ...common, unit: "per_second", tiers };
    }
  }
}

/** An admin's price as typed (or read back from the database), checked before it is stored. */
export function checkPrice(value: unknown): { ok: true; price: Price } | { ok: false; problem: FieldProblem } {
  const bad = (key: string, params?: FieldProblem["params"]) => ({ ok: false as const, problem: { key, params } });
  if (!value || typeof value !== "object") return bad("priceMissing");
  const price = value as Record<string, unknown>;
  const isMoney = (n: unknown): n is number => typeof n === "number" && Number.isSafeInteger(n) && n >= 0;
  switch (price.unit) {
    case "per_request":
      return isMoney(price.cents)
        ? { ok: true, price: { unit: "per_request", cents: price.cents } }
        : bad("priceAmount");
    case "per_clip": {
      const tiers = price.tiers;
      if (!Array.isArray(tiers) || tiers.length === 0) return bad("priceTiersMissing");
      let previous = 0;
      for (const t of tiers as Record<string, unknown>[]) {
        if (!isMoney(t?.cents)) return bad("priceAmount");
        if (!isMoney(t.maxSeconds) || t.maxSeconds <= previous) return bad("priceTierOrder");
        previous = t.maxSeconds;
      }
      const clean = (tiers as { maxSeconds: number; cents: number }[]).map((t) => ({
        maxSeconds: t.maxSeconds,
        cents: t.cents,
      }));
      return { ok: true, price: { unit: "per_clip", tiers: clean } };
    }
    case "per_second": {
      const rates = price.milliCentsPerSecond;
      if (!rates || typeof rates !== "object" || Object.keys(rates).length === 0) return bad("priceTiersMissing");
      const entries = Object.entries(rates as Record<string, unknown>);
      const clean: Record<string, number> = {};
      for (const [tier, rate] of entries) {
        if (!isMoney(rate)) return bad("priceAmount");
        clean[tier] = rate;
      }
      return { ok: true, price: { unit: "per_second", milliCentsPerSecond: clean } };
    }
    default:
      return bad("priceUnit");
  }
}
