"use client";

import { useCallback, useEffect, useRef, useState } from "react";

/** A follower further than this from the leader (seconds) is put back in line. */
export const MAX_DRIFT_SECONDS = 0.12;

/**
 * Several <video> elements driven as one: play, pause and seek act on all, the longest video
 * leads, and while playing every frame the followers are put back on the leader's time when they
 * drift (a slow decoder, a late start, a buffering stall). A follower shorter than the leader
 * rests on its last frame. Register each element with `register(index)`.
 */
export function useSyncedVideos(count: number) {
  const elements = useRef<(HTMLVideoElement | null)[]>(Array.from({ length: count }, () => null));
  const [playing, setPlaying] = useState(false);
  const [time, setTime] = useState(0);
  const [duration, setDuration] = useState(0);

  const videos = useCallback(() => elements.current.filter((v): v is HTMLVideoElement => v !== null), []);
  const leader = useCallback(() => {
    const all = videos();
    return all.reduce<HTMLVideoElement | null>(
      (best, v) => (!best || (v.duration || 0) > (best.duration || 0) ? v : best),
      null,
    );
  }, [videos]);

  const align = useCallback(
    (to: number, always: boolean) => {
      for (const v of videos()) {
        const target = Math.min(to, Number.isFinite(v.duration) ? v.duration : to);
        if (always || Math.abs(v.currentTime - target) > MAX_DRIFT_SECONDS) v.currentTime = target;
      }
    },
    [videos],
  );

  // While playing, every frame: the leader's time on the bar, followers put back in line.
  useEffect(() => {
    if (!playing) return;
    let id = 0;
    const step = () => {
      const lead = leader();
      if (!lead) return;
      setTime(lead.currentTime);
      for (const v of videos())
        if (v !== lead && !v.ended && Math.abs(v.currentTime - lead.currentTime) > MAX_DRIFT_SECONDS)
          v.currentTime = Math.min(lead.currentTime, v.duration || lead.currentTime);
      if (lead.ended || lead.paused) {
        for (const v of videos()) v.pause();
        setPlaying(false);
        return;
      }
      id = requestAnimationFrame(step);
    };
    id = requestAnimationFrame(step);
    return () => cancelAnimationFrame(id);
  }, [playing, leader, videos]);

  const play = useCallback(async () => {
    const lead = leader();
    if (!lead) return;
    if (lead.ended) align(0, true);
    else align(lead.currentTime, true);
    // Muted elements may start without a gesture; a refusal leaves them paused, shown as such.
    await Promise.allSettled(videos().map((v) => v.play()));
    setPlaying(!lead.paused);
  }, [align, leader, videos]);

  const pause = useCallback(() => {
    for (const v of videos()) v.pause();
    const lead = leader();
    if (lead) {
      align(lead.currentTime, true);
      setTime(lead.currentTime);
    }
    setPlaying(false);
  }, [align, leader, videos]);

  const seek = useCallback(
    (to: number) => {
      align(to, true);
      setTime(to);
    },
    [align],
  );

  const register = useCallback(
    (index: number) => (element: HTMLVideoElement | null) => {
      elements.current[index] = element;
    },
    [],
  );

  const onMetadata = useCallback(() => setDuration(leader()?.duration || 0), [leader]);

  return { register, onMetadata, playing, time, duration, play, pause, seek };
}
