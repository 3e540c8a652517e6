"use client";

import { useCallback, useRef, useState } from "react";

/**
 * The gallery's selection: a set of task ids (it may hold videos not loaded yet, after "select all
 * matching"). A click toggles one card; a shift-click sets every card between the last clicked one
 * and this one to this one's new state, in the order shown.
 */
export function useSelection() {
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const anchor = useRef<string | null>(null);

  const toggle = useCallback((id: string, range: boolean, order: readonly string[]) => {
    // The anchor is read now: React may run the updater below later, after the next line has
    // moved the anchor to this card (then a shift-click toggled one card instead of the range).
    const previous = anchor.current;
    anchor.current = id;
    setSelected((old) => {
      const next = new Set(old);
      const on = !old.has(id);
      const from = previous ? order.indexOf(previous) : -1;
      const to = order.indexOf(id);
      if (range && from >= 0 && to >= 0) {
        const [a, b] = from < to ? [from, to] : [to, from];
        for (const each of order.slice(a, b + 1))
          if (on) next.add(each);
          else next.delete(each);
      } else if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  }, []);

  const replace = useCallback((ids: Iterable<string>) => {
    setSelected(new Set(ids));
    anchor.current = null;
  }, []);

  const clear = useCallback(() => replace([]), [replace]);

  return { selected, toggle, replace, clear };
}
