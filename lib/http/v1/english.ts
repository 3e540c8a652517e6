import { createTranslator } from "next-intl";
import { catalogues } from "@/lib/i18n/catalogues";
import type { GenerateT } from "@/lib/videos/submission-checks";

// The API answers in English (OpenAI's messages are English): the Generate form's own messages,
// from the catalogue, without a request's locale.
let translator: GenerateT | undefined;

export function englishGenerate(): GenerateT {
  translator ??= createTranslator({
    locale: "en",
    messages: catalogues.en,
    namespace: "generate",
  }) as unknown as GenerateT;
  return translator;
}
