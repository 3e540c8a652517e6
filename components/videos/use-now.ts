"use client";

import { useSyncExternalStore } from "react";

// One shared one-second clock for every countdown on the page. The server snapshot is null, so
// the first (hydrating) render matches the server's HTML and times appear right after: no
// hydration mismatch from a clock that moved between server and browser.

let now = Date.now();
const listeners = new Set<() => void>();
let timer: ReturnType<typeof setInterval> | null = null;

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  if (!timer) {
    now = Date.now();
    timer = setInterval(() => {
      now = Date.now();
      for (const l of listeners) l();
    }, 1000);
  }
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0 && timer) {
      clearInterval(timer);
      timer = null;
    }
  };
}

/**
 * Milliseconds since the epoch; null during server render and hydration. `step` (ms, or a function
 * of the current time) is how often the caller needs a new value: the clock ticks every second,
 * but a component re-renders only when its value, rounded down to its step, changes. "2 hours
 * ago" or "kept for 29 days" need a new value once a minute, not 60 renders of every card.
 */
export function useNow(step: number | ((now: number) => number) = 1000): number | null {
  return useSyncExternalStore(
    subscribe,
    () => {
      const every = typeof step === "function" ? step(now) : step;
      return every <= 1000 ? now : Math.floor(now / every) * every;
    },
    () => null,
  );
}
