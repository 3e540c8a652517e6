import { getLocale, getTranslations } from "next-intl/server";
import { cookies } from "next/headers";
import { setLocaleAction, setThemeAction } from "@/lib/actions/preferences";
import { LOCALES } from "@/lib/i18n/locales";
import { isTheme, THEME_COOKIE, THEMES } from "@/lib/theme";
import { AutoSubmitSelect } from "./auto-submit-select";

const LANGUAGE_NAMES: Record<(typeof LOCALES)[number], string> = { en: "English", "zh-CN": "简体中文" };

export async function LanguageSwitcher({ id = "language-switcher" }: { id?: string }) {
  const t = await getTranslations("shell");
  const locale = await getLocale();
  return (
    <form action={setLocaleAction} className="flex items-center gap-2">
      <GlobeIcon />
      {/* Keyed: an uncontrolled select ignores a new defaultValue (the other switcher, another tab). */}
      <AutoSubmitSelect key={locale} id={id} name="locale" defaultValue={locale} label={t("language")}>
        {LOCALES.map((l) => (
          <option key={l} value={l} lang={l}>
            {LANGUAGE_NAMES[l]}
          </option>
        ))}
      </AutoSubmitSelect>
    </form>
  );
}

export async function ThemeSwitcher({ id = "theme-switcher" }: { id?: string }) {
  const t = await getTranslations("shell");
  const saved = (await cookies()).get(THEME_COOKIE)?.value;
  const theme = isTheme(saved) ? saved : "system";
  const names = { system: t("themeSystem"), light: t("themeLight"), dark: t("themeDark") };
  return (
    <form action={setThemeAction} className="flex items-center gap-2">
      <ContrastIcon />
      <AutoSubmitSelect key={theme} id={id} name="theme" defaultValue={theme} label={t("theme")}>
        {THEMES.map((th) => (
          <option key={th} value={th}>
            {names[th]}
          </option>
        ))}
      </AutoSubmitSelect>
    </form>
  );
}

function GlobeIcon() {
  return (
    <svg
      aria-hidden
      viewBox="0 0 24 24"
      className="h-4 w-4 shrink-0 text-slate-500"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.8"
    >
      <circle cx="12" cy="12" r="9" />
      <path d="M3 12h18M12 3c2.5 2.6 3.8 5.6 3.8 9s-1.3 6.4-3.8 9c-2.5-2.6-3.8-5.6-3.8-9S9.5 5.6 12 3z" />
    </svg>
  );
}

function ContrastIcon() {
  return (
    <svg
      aria-hidden
      viewBox="0 0 24 24"
      className="h-4 w-4 shrink-0 text-slate-500"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.8"
    >
      <circle cx="12" cy="12" r="9" />
      <path d="M12 3a9 9 0 0 1 0 18z" fill="currentColor" />
    </svg>
  );
}
