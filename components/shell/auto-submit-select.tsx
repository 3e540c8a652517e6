"use client";

import type { ReactNode } from "react";

/** A select that submits its form on change; the form keeps a submit button for no-JS use. */
export function AutoSubmitSelect({
  name,
  defaultValue,
  label,
  children,
  id,
}: {
  name: string;
  defaultValue: string;
  label: string;
  children: ReactNode;
  id: string;
}) {
  return (
    <>
      <label htmlFor={id} className="sr-only">
        {label}
      </label>
      <select
        id={id}
        name={name}
        defaultValue={defaultValue}
        onChange={(e) => e.currentTarget.form?.requestSubmit()}
        className="w-full rounded-lg border border-slate-300 bg-white px-2 py-1.5 text-sm outline-none focus-visible:ring-2 focus-visible:ring-brand-500 dark:border-slate-700 dark:bg-slate-900"
      >
        {children}
      </select>
    </>
  );
}
