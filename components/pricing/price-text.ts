import { formatUsd, formatUsdMilliCents } from "@/lib/money/format";
import type { Price, PriceDescription } from "@/lib/models";

// A registry price (lib/models) in words, in the provider's own unit: per second by size tier, per
// request, per clip. Pure (server and client components both call it with their translator of the
// "pricing" namespace); the client hook is ./price-words.ts.

type Values = Record<string, string | number>;
/** The "pricing" translator of next-intl, server or client. */
export type PricingT = (key: never, values?: Values) => string;
type Say = (key: string, values?: Values) => string;

/** One line per tier of a described price (describePrice), in its unit. */
export function priceLines(t: PricingT, description: PriceDescription): string[] {
  const say = t as unknown as Say;
  switch (description.unit) {
    case "per_second":
      return description.tiers.map((tier) =>
        tier.tier === "*"
          ? say("perSecondAll", { rate: formatUsdMilliCents(tier.milliCentsPerSecond) })
          : say("perSecond", {
              rate: formatUsdMilliCents(tier.milliCentsPerSecond),
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
            ? say("perSecondAll", { rate: formatUsdMilliCents(rate) })
            : say("perSecondTier", { rate: formatUsdMilliCents(rate), tier }),
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
