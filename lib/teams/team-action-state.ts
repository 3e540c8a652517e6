import { TeamAccessError, TeamRuleError } from "./authorize";
import type { TeamRuleCode } from "./authorize";

export type RefusalKey = "teamErrors.forbidden" | "teamErrors.notFound" | `teamErrors.${TeamRuleCode}`;

/**
 * The catalogue key that answers a refusal of the data layer in every server action
 * (lib/forms/action-kit.ts): "not allowed for your role" for a member whose role is too low,
 * "not found" for strangers and unknown ids, the rule's own message otherwise. Anything else is
 * not a refusal (null).
 */
export function refusalKey(error: unknown): RefusalKey | null {
  if (error instanceof TeamAccessError)
    return error.reason === "forbidden" ? "teamErrors.forbidden" : "teamErrors.notFound";
  if (error instanceof TeamRuleError) return `teamErrors.${error.code}`;
  return null;
}
