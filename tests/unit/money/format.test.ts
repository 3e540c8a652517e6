import { describe, expect, it } from "vitest";
import { centsToDecimal, centsToInput, formatUsd, formatUsdMilliCents, milliCentsToInput } from "@/lib/money/format";

// The one place integer money becomes text (cents, and milli-cents for per-second rates).

describe("money formatting", () => {
  it("cents", () => {
    expect(formatUsd(600)).toBe("$6.00");
    expect(formatUsd(-250)).toBe("-$2.50");
    expect(centsToDecimal(123456)).toBe("1234.56");
    expect(centsToInput(5)).toBe("0.05");
    expect(centsToInput(null)).toBe("");
  });

  it("milli-cents keep the decimals they need, at least two", () => {
    expect(formatUsdMilliCents(10_000)).toBe("$0.10");
    expect(formatUsdMilliCents(2_500)).toBe("$0.025");
    expect(formatUsdMilliCents(1)).toBe("$0.00001");
    expect(formatUsdMilliCents(123_450_000)).toBe("$1234.50");
    expect(formatUsdMilliCents(150_500)).toBe("$1.505");
    expect(milliCentsToInput(2_500)).toBe("0.025");
    expect(milliCentsToInput(10_000)).toBe("0.10");
    expect(milliCentsToInput(0)).toBe("0.00");
  });
});
