"use client";

import { useRef, useState, type ReactNode } from "react";
import { useTranslations } from "next-intl";
import { collectionItemsAction, createCollectionAction, deleteVideosAction } from "@/lib/actions/library";
import type { ActionResult } from "@/lib/forms/action-result";
import type { CollectionDto } from "@/lib/library/collections";
import { Button } from "@/components/ui/button";
import { controlClass } from "@/components/ui/control-class";
import { libraryForm } from "./library-api";
import type { useZipDownload } from "./use-zip-download";
import type { Notice } from "./library-notices";

type Props = {
  teamId: string;
  selected: ReadonlySet<string>;
  collections: CollectionDto[];
  canCollect: boolean;
  zip: ReturnType<typeof useZipDownload>;
  onClear: () => void;
  onFavourite: (ids: string[]) => Promise<ActionResult>;
  /** After a delete: the refused stay selected, so the person sees which were not theirs. */
  onReplace: (ids: string[]) => void;
  /** A result to show (it outlives the bar: a delete can empty the selection). */
  onNotice: (notice: Notice) => void;
  notices: ReactNode;
  /** After a change the gallery and the library state are read again. */
  onChanged: () => Promise<void>;
};

/** What to do with the selected videos: zip, favourite, add to a collection, delete. Sticks to the screen's foot. */
export function SelectionToolbar({
  teamId,
  selected,
  collections,
  canCollect,
  zip,
  onClear,
  onFavourite,
  onReplace,
  onNotice,
  notices,
  onChanged,
}: Props) {
  const t = useTranslations("library");
  const [busy, setBusy] = useState(false);
  const [target, setTarget] = useState("");
  const [newName, setNewName] = useState("");
  const dialog = useRef<HTMLDialogElement>(null);
  const ids = [...selected];

  async function run(action: () => Promise<ActionResult>, after?: (result: ActionResult) => void) {
    setBusy(true);
    try {
      const result = await action();
      onNotice({ text: result.formError ?? result.fieldErrors?.name ?? result.message ?? "", error: !result.ok });
      if (result.ok) after?.(result);
      await onChanged();
    } finally {
      setBusy(false);
    }
  }

  return (
    <section
      aria-label={t("selection.label")}
      data-testid="selection-toolbar"
      className="border-brand-200 sticky bottom-3 z-20 mt-4 flex flex-col gap-3 rounded-2xl border bg-white/95 p-3 shadow-lg backdrop-blur dark:border-slate-700 dark:bg-slate-900/95"
    >
      <div className="flex flex-wrap items-center gap-2">
        <p className="mr-auto text-sm font-semibold" data-testid="selection-count">
          {t("selection.count", { count: selected.size })}
        </p>
        <Button type="button" variant="ghost" onClick={onClear}>
          {t("selection.clear")}
        </Button>
        <Button type="button" onClick={() => zip.start(ids)} disabled={busy}>
          {t("zip.button")}
        </Button>
        <Button type="button" variant="secondary" disabled={busy} onClick={() => void run(() => onFavourite(ids))}>
          {t("favourite.addSelected")}
        </Button>
        <Button type="button" variant="danger" disabled={busy} onClick={() => dialog.current?.showModal()}>
          {t("delete.button")}
        </Button>
      </div>
      {canCollect ? (
        // Folded by default: on a phone the bar stays two rows high over the cards.
        <details className="group">
          <summary className="cursor-pointer text-sm font-medium text-brand-700 outline-none focus-visible:ring-2 focus-visible:ring-brand-500 dark:text-brand-100">
            {t("collections.title")}
          </summary>
          <div className="mt-2 flex flex-wrap items-end gap-2">
            {collections.length > 0 ? (
              <form
                className="flex min-w-0 flex-wrap items-end gap-2"
                onSubmit={(e) => {
                  e.preventDefault();
                  if (target) void run(() => collectionItemsAction(libraryForm(teamId, { collectionId: target }, ids)));
                }}
              >
                <label className="flex min-w-0 flex-col gap-1 text-sm font-medium">
                  {t("collections.addTo")}
                  <select value={target} onChange={(e) => setTarget(e.target.value)} className={controlClass(false)}>
                    <option value="">{t("collections.choose")}</option>
                    {collections.map((c) => (
                      <option key={c.id} value={c.id}>
                        {c.name}
                      </option>
                    ))}
                  </select>
                </label>
                <Button type="submit" variant="secondary" disabled={busy || !target}>
                  {t("collections.add")}
                </Button>
              </form>
            ) : null}
            <form
              className="flex min-w-0 flex-wrap items-end gap-2"
              onSubmit={(e) => {
                e.preventDefault();
                void run(
                  () => createCollectionAction(libraryForm(teamId, { name: newName }, ids)),
                  () => setNewName(""),
                );
              }}
            >
              <label className="flex min-w-0 flex-col gap-1 text-sm font-medium">
                {t("collections.newName")}
                <input
                  value={newName}
                  onChange={(e) => setNewName(e.target.value)}
                  placeholder={t("collections.newPlaceholder")}
                  maxLength={80}
                  className={controlClass(false)}
                />
              </label>
              <Button type="submit" variant="secondary" disabled={busy || !newName.trim()}>
                {t("collections.createWithSelection")}
              </Button>
            </form>
          </div>
        </details>
      ) : null}
      {notices}
      <dialog
        ref={dialog}
        aria-labelledby="delete-many-title"
        className="m-auto w-[min(28rem,calc(100vw-2rem))] rounded-2xl border border-slate-200 bg-white p-5 text-slate-900 shadow-xl backdrop:bg-slate-950/50 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100"
      >
        <form
          className="flex flex-col gap-4"
          onSubmit={(e) => {
            e.preventDefault();
            void run(
              () => deleteVideosAction(libraryForm(teamId, {}, ids)),
              (result) => onReplace((result.data as { refused?: string[] } | undefined)?.refused ?? []),
            ).finally(() => dialog.current?.close());
          }}
        >
          <h2 id="delete-many-title" className="text-lg font-semibold">
            {t("delete.title", { count: selected.size })}
          </h2>
          <p className="text-sm text-slate-600 dark:text-slate-300">{t("delete.body")}</p>
          <div className="flex flex-wrap justify-end gap-2">
            <Button type="button" variant="secondary" autoFocus onClick={() => dialog.current?.close()}>
              {t("delete.cancel")}
            </Button>
            <Button type="submit" variant="danger" disabled={busy}>
              {busy ? t("delete.deleting") : t("delete.confirm")}
            </Button>
          </div>
        </form>
      </dialog>
    </section>
  );
}
