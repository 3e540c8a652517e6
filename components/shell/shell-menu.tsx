"use client";

import { createContext, useContext, useEffect, useRef, useState, type ReactNode, type RefObject } from "react";
import { usePathname } from "next/navigation";

// On a phone (below Tailwind's `sm`) the shell's team, language, theme and sign-out controls sit
// behind one "Menu" button; from `sm` up the button and the panel are hidden and the shell shows
// its usual controls. The button and the panel live in different places in the shell,
// so they share their state through this context.

export const SHELL_MENU_ID = "shell-menu";

type MenuState = {
  open: boolean;
  setOpen: (open: boolean) => void;
  buttonRef: RefObject<HTMLButtonElement | null>;
};

const MenuContext = createContext<MenuState | null>(null);

function useMenu(): MenuState {
  const state = useContext(MenuContext);
  if (!state) throw new Error("ShellMenuButton and ShellMenuPanel must be inside ShellMenuProvider.");
  return state;
}

export function ShellMenuProvider({ children }: { children: ReactNode }) {
  const [open, setOpen] = useState(false);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const pathname = usePathname();
  // Closes on navigation (a nav link, the team switcher, "New team").
  const [shownFor, setShownFor] = useState(pathname);
  if (shownFor !== pathname) {
    setShownFor(pathname);
    setOpen(false);
  }

  // Escape closes the open menu from anywhere on the page and gives focus back to its button.
  useEffect(() => {
    if (!open) return;
    function onKeyDown(event: KeyboardEvent) {
      if (event.key !== "Escape" || event.defaultPrevented) return;
      setOpen(false);
      buttonRef.current?.focus();
    }
    document.addEventListener("keydown", onKeyDown);
    return () => document.removeEventListener("keydown", onKeyDown);
  }, [open]);

  return <MenuContext.Provider value={{ open, setOpen, buttonRef }}>{children}</MenuContext.Provider>;
}

export function ShellMenuButton({ label }: { label: string }) {
  const { open, setOpen, buttonRef } = useMenu();
  return (
    <button
      ref={buttonRef}
      type="button"
      aria-expanded={open}
      aria-controls={SHELL_MENU_ID}
      onClick={() => setOpen(!open)}
      className="inline-flex items-center gap-2 rounded-lg border border-slate-300 px-3 py-1.5 text-sm font-medium text-slate-700 outline-none hover:bg-slate-100 focus-visible:ring-2 focus-visible:ring-brand-500 sm:hidden dark:border-slate-700 dark:text-slate-200 dark:hover:bg-slate-800"
    >
      <svg
        aria-hidden
        viewBox="0 0 24 24"
        className="h-4 w-4 shrink-0"
        fill="none"
        stroke="currentColor"
        strokeWidth="2"
        strokeLinecap="round"
      >
        {open ? <path d="M6 6l12 12M18 6L6 18" /> : <path d="M4 7h16M4 12h16M4 17h16" />}
      </svg>
      {label}
    </button>
  );
}

export function ShellMenuPanel({ children }: { children: ReactNode }) {
  const { open } = useMenu();
  // The controls are in the page only while the menu is open: the wide layout has its own copies,
  // and one label should name one control.
  return (
    <div
      id={SHELL_MENU_ID}
      className={open ? "flex flex-col gap-3 border-t border-slate-200 pt-3 sm:hidden dark:border-slate-800" : "hidden"}
    >
      {open ? children : null}
    </div>
  );
}
