import type { ProviderAdapter } from "./adapter";
import { openAiAdapter } from "./dialects/openai";
import { openRouterAdapter } from "./dialects/openrouter";
import { relaxedAdapter } from "./dialects/relaxed";
import { yiReverseAdapter } from "./dialects/yi-reverse";

// Every dialect the studio speaks, by name (lib/models presets name theirs). Adding one is one
// file in dialects/ and one line here (docs/providers.md).
const ADAPTERS: Record<string, ProviderAdapter> = {
  openai: openAiAdapter,
  "yi-reverse": yiReverseAdapter,
  relay: relaxedAdapter("relay"),
  veo: relaxedAdapter("veo"),
  openrouter: openRouterAdapter,
};

export function adapterFor(dialect: string): ProviderAdapter | null {
  return ADAPTERS[dialect] ?? null;
}
