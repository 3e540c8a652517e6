"use client";

import { useFormatter } from "next-intl";
import type { ZipDownloadState } from "./use-zip-download";
import { ZipProgressLine } from "./zip-progress-line";

export type Notice = { text: string; error: boolean };

/** The last result (added, deleted, refused…) and the zip's progress, read out as they change. */
export function LibraryNotices({ notice, zip }: { notice: Notice | null; zip: ZipDownloadState | null }) {
  const format = useFormatter();
  return (
    <div aria-live="polite" className="flex w-full flex-col gap-1 text-sm empty:hidden">
      {notice?.text ? (
        <p
          data-testid="library-notice"
          className={notice.error ? "text-red-700 dark:text-red-300" : "text-slate-700 dark:text-slate-200"}
        >
          {notice.text}
        </p>
      ) : null}
      <ZipProgressLine state={zip} format={format} />
    </div>
  );
}
