"use client";

import { useTranslations } from "next-intl";

type Props = { on: boolean; onToggle: () => void; size?: "card" | "large"; className?: string };

/** The star: a toggle button (aria-pressed) with its state in words for screen readers and a tooltip. */
export function FavouriteButton({ on, onToggle, size = "card", className = "" }: Props) {
  const t = useTranslations("library.favourite");
  const label = on ? t("remove") : t("add");
  const box = size === "card" ? "h-9 w-9" : "h-10 gap-2 px-3";
  return (
    <button
      type="button"
      aria-pressed={on}
      aria-label={size === "card" ? label : undefined}
      title={label}
      onClick={onToggle}
      data-testid="favourite-toggle"
      className={`inline-flex items-center justify-center rounded-full border text-sm font-medium transition outline-none focus-visible:ring-2 focus-visible:ring-brand-500 ${box} ${
        on
          ? "border-amber-300 bg-amber-50 text-amber-600 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-300"
          : "border-slate-300 bg-white/90 text-slate-500 hover:text-amber-600 dark:border-slate-700 dark:bg-slate-900/90 dark:text-slate-300"
      } ${className}`}
    >
      <svg
        aria-hidden
        viewBox="0 0 20 20"
        className="h-5 w-5"
        fill={on ? "currentColor" : "none"}
        stroke="currentColor"
        strokeWidth="1.6"
      >
        <path
          strokeLinejoin="round"
          d="M10 2.5l2.3 4.7 5.2.8-3.8 3.6.9 5.2L10 14.4l-4.6 2.4.9-5.2L2.5 8l5.2-.8L10 2.5z"
        />
      </svg>
      {size === "large" ? <span>{label}</span> : null}
    </button>
  );
}
