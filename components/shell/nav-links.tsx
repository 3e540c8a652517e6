"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

export type NavItem = { href: string; label: string };

export function NavLinks({ items, label }: { items: NavItem[]; label: string }) {
  const pathname = usePathname();
  return (
    <nav aria-label={label} className="overflow-x-auto">
      {/* A phone shares the row out evenly so all five fit at 375 px; from `sm` up as before. */}
      <ul className="flex gap-0.5 sm:gap-1 md:flex-col">
        {items.map((item) => {
          const active = pathname === item.href || pathname.startsWith(`${item.href}/`);
          return (
            <li key={item.href} className="flex-1 sm:flex-none">
              <Link
                href={item.href}
                aria-current={active ? "page" : undefined}
                className={
                  "block rounded-lg px-1 py-2 text-center text-sm font-medium whitespace-nowrap transition outline-none sm:px-3 sm:text-left " +
                  "focus-visible:ring-2 focus-visible:ring-brand-500 " +
                  (active
                    ? "bg-brand-600 text-white"
                    : "text-slate-700 hover:bg-slate-200/70 dark:text-slate-300 dark:hover:bg-slate-800")
                }
              >
                {item.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
