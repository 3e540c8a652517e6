import type { ReactNode } from "react";
import { getTranslations } from "next-intl/server";
import { LanguageSwitcher, ThemeSwitcher } from "./preference-switchers";

/** The frame of the pages a signed-out visitor sees: brand, language and theme, centred content. */
export async function PublicShell({ children, width = "sm" }: { children: ReactNode; width?: "sm" | "md" }) {
  const t = await getTranslations("app");
  return (
    <div className="flex min-h-screen flex-col">
      <header className="flex flex-wrap items-center justify-between gap-3 p-4">
        <span className="flex items-center gap-2 text-lg font-semibold">
          <span
            aria-hidden
            className="inline-flex h-7 w-7 items-center justify-center rounded-lg bg-brand-600 text-sm text-white"
          >
            S
          </span>
          {t("name")}
        </span>
        <div className="flex items-center gap-3">
          <LanguageSwitcher />
          <ThemeSwitcher />
        </div>
      </header>
      <main id="main" className="flex flex-1 items-start justify-center px-4 pt-6 pb-16 sm:pt-16">
        <div className={`w-full ${width === "md" ? "max-w-md" : "max-w-sm"}`}>{children}</div>
      </main>
    </div>
  );
}
