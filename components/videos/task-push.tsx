"use client";

import { createContext, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from "react";

// The page's side of the push (docs/decisions/110-push.md): one EventSource per tab on
// /api/teams/<teamId>/videos/events. While it is open, live cards wait for a message instead of
// polling; when it breaks they poll the status route again, as before. Every `ready` (each
// connect and reconnect) makes them re-read, so nothing missed while away stays stale.

export type TaskPushHandlers = { changed: (ids: string[]) => void; resync: () => void };

type TaskPush = {
  /** True while the stream is open: polling can rest. */
  connected: boolean;
  subscribe: (handlers: TaskPushHandlers) => () => void;
};

const NO_PUSH: TaskPush = { connected: false, subscribe: () => () => {} };
const TaskPushContext = createContext<TaskPush>(NO_PUSH);

/** How long to wait before opening a new stream after the browser gave up on one. */
const REOPEN_MS = 5_000;

export function TaskPushProvider({ teamId, children }: { teamId: string; children: ReactNode }) {
  const [connected, setConnected] = useState(false);
  const handlers = useRef(new Set<TaskPushHandlers>());

  useEffect(() => {
    if (typeof EventSource === "undefined") return;
    let source: EventSource | undefined;
    let reopen: ReturnType<typeof setTimeout> | undefined;
    let stopped = false;
    const each = (fn: (h: TaskPushHandlers) => void) => {
      for (const h of handlers.current) fn(h);
    };
    const open = () => {
      source = new EventSource(`/api/teams/${encodeURIComponent(teamId)}/videos/events`);
      source.addEventListener("ready", () => {
        setConnected(true);
        each((h) => h.resync());
      });
      source.addEventListener("tasks", (event) => {
        const ids = readIds((event as MessageEvent<string>).data);
        if (ids.length) each((h) => h.changed(ids));
      });
      source.onerror = () => {
        // EventSource reconnects by itself (then `ready` again); meanwhile, poll.
        setConnected(false);
        if (source?.readyState === EventSource.CLOSED && !stopped) {
          source.close();
          reopen = setTimeout(open, REOPEN_MS);
        }
      };
    };
    open();
    return () => {
      stopped = true;
      clearTimeout(reopen);
      source?.close();
      setConnected(false);
    };
  }, [teamId]);

  const value = useMemo<TaskPush>(
    () => ({
      connected,
      subscribe: (h) => {
        handlers.current.add(h);
        return () => handlers.current.delete(h);
      },
    }),
    [connected],
  );
  return <TaskPushContext.Provider value={value}>{children}</TaskPushContext.Provider>;
}

function readIds(data: string): string[] {
  try {
    const parsed = JSON.parse(data) as { ids?: unknown };
    return Array.isArray(parsed.ids) ? parsed.ids.filter((id): id is string => typeof id === "string") : [];
  } catch {
    return [];
  }
}

export function useTaskPush(): TaskPush {
  return useContext(TaskPushContext);
}
