import { apiErrors } from "./errors";
import { FaultSyntaxError, parseFaultRule, type FaultRule } from "./faults";

const MARKER = /\[\[([^[\]]*)\]\]/g;

export interface PromptMarkers {
  rules: FaultRule[];
  /** The prompt without markers: what the video shows. */
  visiblePrompt: string;
}

// CHOICE: a malformed `[[...]]` answers 400 instead of being drawn as text, so a typo in a test's
// marker cannot silently turn a fault test into a happy-path test.
export function extractPromptMarkers(prompt: string): PromptMarkers {
  const rules: FaultRule[] = [];
  for (const match of prompt.matchAll(MARKER)) {
    const token = match[1] ?? "";
    try {
      rules.push(parseFaultRule(token, "job"));
    } catch (error) {
      if (error instanceof FaultSyntaxError) throw apiErrors.unknownMarker(token, error.message);
      throw error;
    }
  }
  const visiblePrompt = prompt.replace(MARKER, " ").replace(/\s+/g, " ").trim();
  return { rules, visiblePrompt };
}
