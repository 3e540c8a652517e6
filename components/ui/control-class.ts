// The look of every text input and select: one place for borders, focus ring and error state.
export function controlClass(error: boolean): string {
  return (
    "w-full rounded-lg border bg-white px-3 py-2 text-sm text-slate-900 shadow-sm outline-none transition " +
    "focus-visible:ring-2 focus-visible:ring-brand-500 dark:bg-slate-900 dark:text-slate-100 " +
    (error ? "border-red-500" : "border-slate-300 dark:border-slate-700")
  );
}
