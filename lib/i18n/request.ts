import { cookies, headers } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { isLocale, LOCALE_COOKIE, negotiateLocale, type Locale } from "./locales";
import { catalogues } from "./catalogues";

/** The person's choice (cookie, set by the switcher and at sign-in) wins; else the browser's. */
export async function currentLocale(): Promise<Locale> {
  const chosen = (await cookies()).get(LOCALE_COOKIE)?.value;
  if (isLocale(chosen)) return chosen;
  return negotiateLocale((await headers()).get("accept-language"));
}

export default getRequestConfig(async () => {
  const locale = await currentLocale();
  return { locale, messages: catalogues[locale], timeZone: "UTC" };
});
