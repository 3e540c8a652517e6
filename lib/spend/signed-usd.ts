import { formatUsd } from "@/lib/money/format";

/** A difference in cents with its sign: "+$0.08", "-$0.02", "$0.00" (charged minus estimated). */
export function signedUsd(cents: number): string {
  return cents > 0 ? `+${formatUsd(cents)}` : formatUsd(cents);
}
