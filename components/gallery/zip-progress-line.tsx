"use client";

import { useTranslations, type useFormatter } from "next-intl";
import type { ZipDownloadState } from "./use-zip-download";

function bytes(format: ReturnType<typeof useFormatter>, n: number): string {
  const mb = n / 1_048_576;
  return `${format.number(mb, { maximumFractionDigits: mb < 10 ? 1 : 0 })} MB`;
}

/** The zip's progress as the server reports it: files and bytes streamed, then how it ended. */
export function ZipProgressLine({
  state,
  format,
}: {
  state: ZipDownloadState | null;
  format: ReturnType<typeof useFormatter>;
}) {
  const t = useTranslations("library.zip");
  if (!state) return null;
  const p = state.progress;
  let text: string;
  let tone = "text-slate-700 dark:text-slate-200";
  if (!p) text = t("preparing");
  else if (p.state === "done") text = t("done", { files: p.files });
  else if (p.state === "cancelled") text = t("cancelled");
  else if (p.state === "empty") text = t("empty");
  else if (p.state === "failed") text = t("failed");
  else
    text =
      p.totalBytes !== null
        ? t("progressOf", {
            done: p.filesDone,
            files: p.files,
            sent: bytes(format, p.bytesSent),
            total: bytes(format, p.totalBytes),
          })
        : t("progress", { done: p.filesDone, files: p.files, sent: bytes(format, p.bytesSent) });
  if (p && (p.state === "failed" || p.state === "empty" || p.state === "cancelled"))
    tone = "text-red-700 dark:text-red-300";
  const percent = p && p.totalBytes ? Math.min(100, Math.round((p.bytesSent / p.totalBytes) * 100)) : null;
  return (
    <div className="flex flex-col gap-1" data-testid="zip-progress" data-state={p?.state ?? "preparing"}>
      <p className={tone}>{text}</p>
      {p?.state === "streaming" && percent !== null ? (
        <progress max={100} value={percent} className="h-2 w-full accent-brand-600" aria-label={text} />
      ) : null}
    </div>
  );
}
