import type en from "./messages/en.json";
import type { Locale } from "./locales";

// Typed message keys: a wrong key is a compile error.
declare module "next-intl" {
  interface AppConfig {
    Locale: Locale;
    Messages: typeof en;
  }
}
