import { centsToDecimal, formatUsd } from "@/lib/money/format";
import type { Price, PriceDescription } from "@/lib/models";

// A registry price (lib/models) in words, in the provider's own unit: per second by size tier, per
// request, per clip. Pure (server and client components both call it with their translator of the
// "pricing" namespace); the client hook is ./price-words.ts.

type Values = Record<string, string | number>;
/** The "pricing" translator of next-intl, server or client. */
export type PricingT = (key: never, values?: Values) => string;
type Say = (key: string, values?: Values) => string;

/** Milli-cents per second as dollars: 10000 → "$0.10", 2500 → "$0.025" (integer arithmetic only). */
export function formatRate(milliCents: number): string {
  if (milliCents % 1000 === 0) return formatUsd(milliCents / 1000);
  const whole = Math.floor(milliCents / 100_000);
  const fraction = String(milliCents % 100_000)
    .padStart(5, "0")
    .replace(/0+$/, "")
    .padEnd(2, "0");
  return `$${whole}.${fraction}`;
}

/** What a dollars input shows for a per-second rate: 2500 → "0.025". */
export function rateToInput(milliCents: number): string {
  return formatRate(milliCents).slice(1);
}

/** What a dollars input shows for cents: 15 → "0.15". */
export function centsToInput(cents: number): string {
  return centsToDecimal(cents);
}

/** One line per tier of a described price (describePrice), in its unit. */
export function priceLines(t: PricingT, description: PriceDescription): string[] {
  const say = t as unknown as Say;
  switch (description.unit) {
    case "per_second":
      return description.tiers.map((tier) =>
        tier.tier === "*"
          ? say("perSecondAll", { rate: formatRate(tier.milliCentsPerSecond) })
          : say("perSecond", {
              rate: formatRate(tier.milliCentsPerSecond),
              tier: tier.tier,
              sizes: tier.sizes.join(", "),
            }),
      );
    case "per_request":
      return [say("perRequest", { amount: formatUsd(description.cents) })];
    case "per_clip":
      return description.tiers.map((tier) =>
        tier.seconds.length > 0
          ? say("perClip", { amount: formatUsd(tier.cents), seconds: tier.seconds.join(" / ") })
          : say("perClipUpTo", { amount: formatUsd(tier.cents), max: tier.maxSeconds }),
      );
  }
}

/** A price without its model (the audit log): rates by tier name, amounts per request or clip. */
export function priceSummary(t: PricingT, price: Price): string {
  const say = t as unknown as Say;
  switch (price.unit) {
    case "per_second":
      return Object.entries(price.milliCentsPerSecond)
        .map(([tier, rate]) =>
          tier === "*"
            ? say("perSecondAll", { rate: formatRate(rate) })
            : say("perSecondTier", { rate: formatRate(rate), tier }),
        )
        .join("; ");
    case "per_request":
      return say("perRequest", { amount: formatUsd(price.cents) });
    case "per_clip":
      return price.tiers
        .map((tier) => say("perClipUpTo", { amount: formatUsd(tier.cents), max: tier.maxSeconds }))
        .join("; ");
  }
}

export function billingLine(t: PricingT, description: Pick<PriceDescription, "billing">): string {
  return (t as unknown as Say)(`billing.${description.billing}`);
}
