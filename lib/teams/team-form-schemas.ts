import { z } from "zod";
import { checkPrice, type Price } from "@/lib/models";
import { parseUsdToCents } from "@/lib/money/parse";
import { ASSIGNABLE_ROLES } from "./permissions";
import { INVITE_EXPIRY_DAYS } from "./invite-token";
import { TEAM_NAME_MAX } from "./create-team";
import { RETENTION_CHOICES } from "./retention";
import { noControlText, singleLineText } from "@/lib/text/text-fields";

// Form schemas of the team actions; messages are keys of the team catalogue (teamErrors.*).
export const idField = z.string().trim().min(1).max(64);

/** Dollars as typed ("12.50") → integer cents; blank → null (no budget / no cap). */
export const usdField = z
  .string()
  .trim()
  .max(20, "teamErrors.amountFormat")
  .transform((value, ctx) => {
    if (value === "") return null;
    const parsed = parseUsdToCents(value);
    if (parsed.ok) return parsed.cents;
    ctx.addIssue({
      code: "custom",
      message: parsed.reason === "tooLarge" ? "teamErrors.amountTooLarge" : "teamErrors.amountFormat",
    });
    return z.NEVER;
  });

/** New team (lib/actions/teams.ts): messages are keys of the global errors.* catalogue. */
export const createTeamSchema = z.object({
  name: singleLineText({ required: "errors.teamNameRequired", tooLong: "errors.teamNameTooLong" }, TEAM_NAME_MAX),
});

export const memberTargetSchema = z.object({ teamId: idField, userId: idField });
export const roleChangeSchema = memberTargetSchema.extend({ role: z.enum(ASSIGNABLE_ROLES, "teamErrors.invalid") });
export const memberCapSchema = memberTargetSchema.extend({ cap: usdField });
export const teamBudgetSchema = z.object({ teamId: idField, budget: usdField });
export const teamOnlySchema = z.object({ teamId: idField });
export const retentionSchema = z.object({
  teamId: idField,
  retention: z.enum(RETENTION_CHOICES, "teamErrors.invalid"),
});

export const createInviteSchema = z.object({
  teamId: idField,
  role: z.enum(ASSIGNABLE_ROLES, "teamErrors.invalid"),
  days: z.coerce
    .number()
    .refine(
      (d): d is (typeof INVITE_EXPIRY_DAYS)[number] => (INVITE_EXPIRY_DAYS as readonly number[]).includes(d),
      "teamErrors.invalid",
    ),
});
export const revokeInviteSchema = z.object({ teamId: idField, inviteId: idField });

// URLs and keys are refused, not cleaned, when they hold a control character: a changed URL or
// key would silently point elsewhere or fail later.
const httpUrl = noControlText("teamErrors.baseUrlInvalid")
  .max(500, "teamErrors.baseUrlInvalid")
  .refine((v) => v === "" || /^https?:\/\/[^\s]+$/i.test(v), "teamErrors.baseUrlInvalid")
  .refine((v) => {
    if (v === "") return true;
    try {
      const url = new URL(v);
      return !url.username && !url.password && !url.search && !url.hash;
    } catch {
      return false;
    }
  }, "teamErrors.baseUrlInvalid")
  .transform((v) => (v === "" ? null : v.replace(/\/+$/, "")));

/** An API key as typed: blank keeps the stored one (null); otherwise 8+ characters, no spaces. */
const apiKeyField = noControlText("teamErrors.keyFormat")
  .max(500, "teamErrors.keyFormat")
  .refine((v) => v === "" || (v.length >= 8 && !/\s/.test(v)), "teamErrors.keyFormat")
  .optional()
  .transform((v) => (v ? v : null));

export const CONNECTION_NAME_MAX = 60;
const connectionName = singleLineText(
  { required: "teamErrors.nameRequired", tooLong: "teamErrors.nameTooLong" },
  CONNECTION_NAME_MAX,
);
const optionalUrl = httpUrl.optional().transform((v) => v ?? null);

/** Team → Connections, "Add connection": the preset is checked against the registry by the lib function. */
export const addConnectionSchema = z.object({
  teamId: idField,
  preset: z.string().trim().min(1, "teamErrors.unknownPreset").max(64, "teamErrors.unknownPreset"),
  name: connectionName,
  baseUrl: optionalUrl,
  apiKey: apiKeyField,
});

export const connectionTargetSchema = z.object({ teamId: idField, connectionId: idField });

/** Rename, move the base URL, replace the key (blank keeps it). */
export const updateConnectionSchema = connectionTargetSchema.extend({
  name: connectionName,
  baseUrl: optionalUrl,
  apiKey: apiKeyField,
});

/**
 * Dollars as typed for a price → integer units: cents (2 decimals) or milli-cents per second
 * (5 decimals, $0.025 = 2500). Blank → null. Split as text, never floating point.
 */
export function parseDollars(text: string, decimals: 2 | 5): number | null | "invalid" {
  const value = text.trim().replace(/^\$\s*/, "");
  if (value === "") return null;
  const match = /^(\d{0,7})(?:\.(\d*))?$/.exec(value);
  if (!match || (match[1] === "" && !match[2]) || (match[2] ?? "").length > decimals) return "invalid";
  const whole = Number(match[1] || "0");
  const fraction = Number((match[2] ?? "").padEnd(decimals, "0"));
  return whole * 10 ** decimals + fraction;
}

const PRICE_UNITS = ["per_second", "per_request", "per_clip"] as const;

/**
 * An admin's price for one model on one connection. The amounts arrive as `rate:<tier>` (dollars
 * per second), `cents` (dollars per request) or `clip:<maxSeconds>` (dollars per clip); blank rows
 * are left out. The result is checked by the registry's checkPrice; `clear=1` goes back to the
 * catalogue price.
 */
export const modelPriceSchema = connectionTargetSchema
  .extend({
    modelId: z.string().trim().min(1, "teamErrors.unknownModel").max(100, "teamErrors.unknownModel"),
    clear: z.string().optional(),
    unit: z.enum(PRICE_UNITS, "teamErrors.priceUnit").optional(),
  })
  .catchall(z.union([z.string(), z.file()]))
  .transform((input, ctx): { teamId: string; connectionId: string; modelId: string; price: Price | null } => {
    const base = { teamId: input.teamId, connectionId: input.connectionId, modelId: input.modelId };
    if (input.clear) return { ...base, price: null };
    const fail = (key: string) => {
      ctx.addIssue({ code: "custom", message: `teamErrors.${key}`, path: ["price"] });
      return z.NEVER;
    };
    const amounts = (prefix: string, decimals: 2 | 5) => {
      const out: [string, number][] = [];
      for (const [key, raw] of Object.entries(input)) {
        if (!key.startsWith(prefix) || typeof raw !== "string") continue;
        const parsed = parseDollars(raw, decimals);
        if (parsed === "invalid") return "invalid" as const;
        if (parsed !== null) out.push([key.slice(prefix.length), parsed]);
      }
      return out;
    };
    let candidate: unknown;
    switch (input.unit) {
      case undefined:
        return fail("priceUnit");
      case "per_request": {
        const cents = parseDollars(typeof input.cents === "string" ? input.cents : "", 2);
        if (cents === null) return fail("priceMissing");
        if (cents === "invalid") return fail("priceAmount");
        candidate = { unit: "per_request", cents };
        break;
      }
      case "per_second": {
        const rates = amounts("rate:", 5);
        if (rates === "invalid") return fail("priceAmount");
        candidate = { unit: "per_second", milliCentsPerSecond: Object.fromEntries(rates) };
        break;
      }
      case "per_clip": {
        const clips = amounts("clip:", 2);
        if (clips === "invalid") return fail("priceAmount");
        const tiers = clips
          .map(([seconds, cents]) => ({ maxSeconds: Number(seconds), cents }))
          .sort((a, b) => a.maxSeconds - b.maxSeconds);
        candidate = { unit: "per_clip", tiers };
        break;
      }
    }
    const checked = checkPrice(candidate);
    if (!checked.ok) return fail(checked.problem.key);
    return { ...base, price: checked.price };
  });
