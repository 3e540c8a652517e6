import type { ProviderAdapter } from "./adapter";
import { openAiAdapter } from "./dialects/openai";

// Every dialect the studio speaks, by name. Adding one is one file in dialects/ and one line here
// (docs/providers.md).
const ADAPTERS: Record<string, ProviderAdapter> = {
  openai: openAiAdapter,
};

export function adapterFor(dialect: string): ProviderAdapter | null {
  return ADAPTERS[dialect] ?? null;
}
