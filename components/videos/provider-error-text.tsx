"use client";

import { useTranslations } from "next-intl";
import { providerErrorKey } from "@/lib/upstream/provider-error-key";

/** The failure in plain words in the person's language; the provider's raw text when unknown. */
export function useProviderErrorText(): (code: string | null, message: string | null) => string {
  const t = useTranslations("providerErrors");
  return (code, message) => {
    const key = providerErrorKey(code, message);
    // A refused request is only actionable with the provider's reason, so it is quoted.
    if (key === "invalidRequest") return t("invalidRequest", { message: message ?? code ?? "?" });
    if (key) return t(key);
    return t("raw", { message: message || code || "?" });
  };
}

export function FailureReason({
  code,
  message,
  className = "",
}: {
  code: string | null;
  message: string | null;
  className?: string;
}) {
  const text = useProviderErrorText()(code, message);
  return (
    <p data-testid="failure-reason" className={`text-sm text-red-700 dark:text-red-300 ${className}`}>
      {text}
    </p>
  );
}
