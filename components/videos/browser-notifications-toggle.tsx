"use client";

import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { useBrowserNotifications } from "./browser-notifications";

/** "Notify me in this browser": asks the browser's permission on the click, never before. */
export function BrowserNotificationsToggle() {
  const t = useTranslations("notifications.browser");
  const { state, turnOn, turnOff } = useBrowserNotifications();
  if (state === "unsupported") return null;
  if (state === "denied") return <p className="text-xs text-slate-500 dark:text-slate-400">{t("denied")}</p>;
  if (state === "on")
    return (
      <p className="flex items-center gap-2 text-xs text-slate-600 dark:text-slate-300">
        <span role="status">{t("on")}</span>
        <Button type="button" variant="secondary" className="px-2 py-0.5 text-xs" onClick={turnOff}>
          {t("turnOff")}
        </Button>
      </p>
    );
  return (
    <Button type="button" variant="secondary" className="self-start px-3 py-1 text-xs" onClick={() => void turnOn()}>
      {t("turnOn")}
    </Button>
  );
}
