"use client";

import { useCallback, useSyncExternalStore } from "react";
import { isLive, type VideoDto } from "@/lib/videos/video-dto";

// Browser notifications for one's own videos (issue 13, item 3): a choice kept in this browser
// (localStorage; the permission is the browser's anyway), asked for on a click, shown by the
// gallery's status polling when one of the person's own videos finishes or fails.

const KEY = "studio-browser-notifications";
const EVENT = "studio-browser-notifications-change";

export type BrowserNotificationState = "unsupported" | "off" | "on" | "denied";

function read(): BrowserNotificationState {
  if (typeof window === "undefined" || !("Notification" in window)) return "unsupported";
  if (Notification.permission === "denied") return "denied";
  return Notification.permission === "granted" && localStorage.getItem(KEY) === "on" ? "on" : "off";
}

function subscribe(onChange: () => void) {
  window.addEventListener(EVENT, onChange);
  window.addEventListener("storage", onChange);
  return () => {
    window.removeEventListener(EVENT, onChange);
    window.removeEventListener("storage", onChange);
  };
}

export function useBrowserNotifications() {
  const state = useSyncExternalStore(subscribe, read, () => "off" as const);
  const turnOn = useCallback(async () => {
    if (!("Notification" in window)) return;
    const permission = Notification.permission === "granted" ? "granted" : await Notification.requestPermission();
    if (permission === "granted") localStorage.setItem(KEY, "on");
    window.dispatchEvent(new Event(EVENT));
  }, []);
  const turnOff = useCallback(() => {
    localStorage.removeItem(KEY);
    window.dispatchEvent(new Event(EVENT));
  }, []);
  return { state, turnOn, turnOff };
}

export type FinishedText = { completed: string; failed: string };

/**
 * Fresh statuses from the polling: each of the person's own videos that is no longer live has
 * just finished (only live videos are polled). One notification per video (its id is the tag,
 * so several open tabs show one).
 */
export function notifyFinished(items: VideoDto[], text: FinishedText, open: (videoId: string) => void): void {
  if (read() !== "on") return;
  for (const video of items) {
    if (!video.mine || isLive(video)) continue;
    const ready = video.status === "completed" && video.archiveStatus === "done";
    const notification = new Notification(ready ? text.completed : text.failed, {
      body: video.prompt.length > 120 ? `${video.prompt.slice(0, 120)}…` : video.prompt,
      tag: `video-${video.id}`,
    });
    notification.onclick = () => {
      window.focus();
      open(video.id);
    };
  }
}
