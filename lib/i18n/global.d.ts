import type { Messages } from "./catalogues";
import type { Locale } from "./locales";

// Typed message keys: a wrong key is a compile error.
declare module "next-intl" {
  interface AppConfig {
    Locale: Locale;
    Messages: Messages;
  }
}
