"use client";

import { useCallback, useEffect, useId, useState } from "react";
import type { ZipProgress } from "@/lib/library/zip-progress";
import { fetchZipProgress, zipUrl } from "./library-api";

export type ZipDownloadState = { token: string; progress: ZipProgress | null; finished: boolean };

const POLL_MS = 700;

/**
 * "Download zip": posts the selection into a hidden frame, so the browser saves the streamed zip
 * itself (to disk, any size), and follows the server's count of files and bytes sent under a
 * token made here (decision 070).
 */
export function useZipDownload(teamId: string) {
  const [state, setState] = useState<ZipDownloadState | null>(null);
  const frameName = `zip-frame-${useId().replace(/[^\w-]/g, "")}`;

  const start = useCallback(
    (ids: Iterable<string>) => {
      // getRandomValues works on plain http too (randomUUID needs a secure context).
      const token = Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, "0")).join(
        "",
      );
      const form = document.createElement("form");
      form.method = "post";
      form.action = zipUrl(teamId);
      form.target = frameName;
      form.hidden = true;
      for (const [name, value] of [
        ["ids", [...ids].join(",")],
        ["progress", token],
      ]) {
        const input = document.createElement("input");
        input.type = "hidden";
        input.name = name!;
        input.value = value!;
        form.append(input);
      }
      document.body.append(form);
      form.submit();
      form.remove();
      setState({ token, progress: null, finished: false });
    },
    [teamId, frameName],
  );

  const token = state?.token;
  const finished = state?.finished ?? true;
  useEffect(() => {
    if (!token || finished) return;
    let stopped = false;
    const timer = setInterval(() => {
      void fetchZipProgress(teamId, token)
        .then((answer) => {
          if (stopped || answer.state === "unknown") return;
          const done = answer.state !== "streaming";
          setState((old) => (old && old.token === token ? { ...old, progress: answer, finished: done } : old));
        })
        .catch(() => undefined);
    }, POLL_MS);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, [teamId, token, finished]);

  const dismiss = useCallback(() => setState(null), []);
  return { state, start, dismiss, frameName };
}
