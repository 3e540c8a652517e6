import { describe, expect, it } from "vitest";
import { centsToDecimal, centsToInput } from "@/lib/money/format";
import { MAX_USD_CENTS, parseUsdToCents } from "@/lib/money/parse";
import { daysOf, monthOf, monthsBetween, parseMonthKey, shiftMonth } from "@/lib/money/month";
import { chargesToCsv, csvField } from "@/lib/spend/spend-csv";
import { hashInviteToken, looksLikeInviteToken, newInviteToken } from "@/lib/teams/invite-token";

describe("parseUsdToCents", () => {
  it.each([
    ["12.50", 1250],
    ["12.5", 1250],
    ["12", 1200],
    ["12.", 1200],
    ["0.01", 1],
    [".5", 50],
    ["  $7.05 ", 705],
    ["0", 0],
    ["0.10", 10],
    ["19.99", 1999],
    ["1234567.89", 123456789],
  ])("%s → %i cents", (input, cents) => {
    expect(parseUsdToCents(input)).toEqual({ ok: true, cents });
  });

  it.each(["-1", "-0.50", "1.234", "12,50", "1,000", "abc", "", " ", "1e3", "0x10", "12.5.1", "$", "١٢"])(
    "refuses %j",
    (input) => {
      expect(parseUsdToCents(input)).toEqual({ ok: false, reason: "format" });
    },
  );

  it("refuses amounts that would not fit the column", () => {
    expect(parseUsdToCents("10000000.00")).toEqual({ ok: true, cents: MAX_USD_CENTS });
    expect(parseUsdToCents("10000000.01")).toEqual({ ok: false, reason: "tooLarge" });
  });

  it("is exact where floating point is not (0.29 * 100 = 28.999…)", () => {
    expect(parseUsdToCents("0.29")).toEqual({ ok: true, cents: 29 });
    expect(parseUsdToCents("1.15")).toEqual({ ok: true, cents: 115 });
    expect(parseUsdToCents("4.35")).toEqual({ ok: true, cents: 435 });
  });

  it("round-trips through the input format", () => {
    for (const cents of [0, 1, 10, 99, 100, 1250, 123456789]) {
      expect(parseUsdToCents(centsToInput(cents))).toEqual({ ok: true, cents });
    }
    expect(centsToInput(null)).toBe("");
    expect(centsToDecimal(-5)).toBe("-0.05");
  });
});

describe("months", () => {
  it("parses ?month= strictly", () => {
    expect(parseMonthKey("2026-10")?.start.toISOString()).toBe("2026-10-01T00:00:00.000Z");
    expect(parseMonthKey("2026-10")?.end.toISOString()).toBe("2026-11-01T00:00:00.000Z");
    for (const bad of ["2026-13", "2026-1", "26-10", "2026-00", "", null, "2026-10-01"])
      expect(parseMonthKey(bad)).toBeNull();
  });

  it("knows month lengths in UTC, leap years included", () => {
    expect(daysOf(parseMonthKey("2028-02")!)).toHaveLength(29);
    expect(daysOf(parseMonthKey("2026-02")!)).toHaveLength(28);
    expect(daysOf(parseMonthKey("2026-12")!).at(-1)).toBe("2026-12-31");
    expect(shiftMonth(parseMonthKey("2026-01")!, -1).key).toBe("2025-12");
    expect(monthOf(new Date("2026-10-31T23:59:59.999Z")).key).toBe("2026-10");
  });

  it("lists months newest first, from the team's creation", () => {
    expect(monthsBetween(new Date("2026-08-15Z"), new Date("2026-11-02Z")).map((m) => m.key)).toEqual([
      "2026-11",
      "2026-10",
      "2026-09",
      "2026-08",
    ]);
    expect(monthsBetween(new Date("2020-01-01Z"), new Date("2026-11-02Z"), 3)).toHaveLength(3);
  });
});

describe("CSV", () => {
  it("quotes what needs quoting and defuses formulas", () => {
    expect(csvField("plain")).toBe("plain");
    expect(csvField('say "hi", ok')).toBe('"say ""hi"", ok"');
    expect(csvField("two\nlines")).toBe('"two\nlines"');
    expect(csvField('=HYPERLINK("x")')).toBe('"\'=HYPERLINK(""x"")"');
    expect(csvField("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(csvField("-0.05")).toBe("-0.05");
    expect(csvField(12)).toBe("12");
  });

  it("writes amounts as dollars with two decimals", () => {
    const csv = chargesToCsv(
      [
        {
          id: "c1",
          taskId: "t1",
          createdAt: "2026-10-02T10:00:00.000Z",
          user: { id: "u", name: 'Zoë, "Z"', email: "z@example.test" },
          model: "sora-2",
          size: "720x1280",
          seconds: 4,
          amountCents: 40,
          estimateCents: 40,
        },
      ],
      (id) => `http://localhost/t/x/gallery/${id}`,
    );
    expect(csv.split("\r\n")[1]).toBe(
      '2026-10-02T10:00:00.000Z,"Zoë, ""Z""",z@example.test,sora-2,720x1280,4,0.40,t1,http://localhost/t/x/gallery/t1',
    );
  });
});

describe("invite tokens", () => {
  it("are 32 random bytes in base64url, stored as a sha256", () => {
    const { token, tokenHash } = newInviteToken();
    expect(Buffer.from(token, "base64url")).toHaveLength(32);
    expect(looksLikeInviteToken(token)).toBe(true);
    expect(tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(hashInviteToken(token)).toBe(tokenHash);
    expect(tokenHash).not.toContain(token);
    expect(newInviteToken().token).not.toBe(token);
    expect(looksLikeInviteToken("../../etc")).toBe(false);
  });
});
