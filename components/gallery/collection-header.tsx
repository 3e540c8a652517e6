"use client";

import { useRef, useState } from "react";
import { useTranslations } from "next-intl";
import { deleteCollectionAction, renameCollectionAction } from "@/lib/actions/library";
import type { CollectionDto } from "@/lib/library/collections";
import { Button } from "@/components/ui/button";
import { controlClass } from "@/components/ui/control-class";
import { libraryForm } from "./library-api";

type Props = { teamId: string; collection: CollectionDto; onChanged: () => Promise<void>; onDeleted: () => void };

/** Above the grid when the gallery shows one collection: its name and count; rename and delete for its creator and admins. */
export function CollectionHeader({ teamId, collection, onChanged, onDeleted }: Props) {
  const t = useTranslations("library.collections");
  const [renaming, setRenaming] = useState(false);
  const [name, setName] = useState(collection.name);
  const [error, setError] = useState<string | null>(null);
  const dialog = useRef<HTMLDialogElement>(null);

  return (
    <div className="mb-4 flex flex-wrap items-center gap-2" data-testid="collection-header">
      {renaming ? (
        <form
          className="flex flex-wrap items-end gap-2"
          onSubmit={(e) => {
            e.preventDefault();
            void renameCollectionAction(libraryForm(teamId, { collectionId: collection.id, name })).then(async (r) => {
              setError(r.ok ? null : (r.fieldErrors?.name ?? r.formError ?? null));
              if (r.ok) {
                setRenaming(false);
                await onChanged();
              }
            });
          }}
        >
          <label className="flex flex-col gap-1 text-sm font-medium">
            {t("renameLabel", { name: collection.name })}
            <input
              autoFocus
              value={name}
              maxLength={80}
              onChange={(e) => setName(e.target.value)}
              className={controlClass(Boolean(error))}
            />
          </label>
          <Button type="submit">{t("save")}</Button>
          <Button type="button" variant="ghost" onClick={() => setRenaming(false)}>
            {t("cancel")}
          </Button>
        </form>
      ) : (
        <h2 className="mr-auto text-lg font-semibold">
          {t("inThis", { name: collection.name })}{" "}
          <span className="text-sm font-normal text-slate-500 dark:text-slate-400">
            {t("count", { count: collection.count })}
          </span>
        </h2>
      )}
      {collection.canManage && !renaming ? (
        <>
          <Button
            type="button"
            variant="secondary"
            onClick={() => {
              setName(collection.name);
              setRenaming(true);
            }}
          >
            {t("rename")}
          </Button>
          <Button type="button" variant="danger" onClick={() => dialog.current?.showModal()}>
            {t("delete")}
          </Button>
        </>
      ) : null}
      {error ? (
        <p role="alert" className="w-full text-sm text-red-700 dark:text-red-300">
          {error}
        </p>
      ) : null}
      <dialog
        ref={dialog}
        aria-labelledby="delete-collection-title"
        className="m-auto w-[min(28rem,calc(100vw-2rem))] rounded-2xl border border-slate-200 bg-white p-5 text-slate-900 shadow-xl backdrop:bg-slate-950/50 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100"
      >
        <form
          className="flex flex-col gap-4"
          onSubmit={(e) => {
            e.preventDefault();
            void deleteCollectionAction(libraryForm(teamId, { collectionId: collection.id })).then(async (r) => {
              dialog.current?.close();
              if (r.ok) {
                onDeleted();
                await onChanged();
              } else setError(r.formError ?? null);
            });
          }}
        >
          <h2 id="delete-collection-title" className="text-lg font-semibold">
            {t("deleteConfirm", { name: collection.name })}
          </h2>
          <div className="flex flex-wrap justify-end gap-2">
            <Button type="button" variant="secondary" autoFocus onClick={() => dialog.current?.close()}>
              {t("cancel")}
            </Button>
            <Button type="submit" variant="danger">
              {t("delete")}
            </Button>
          </div>
        </form>
      </dialog>
    </div>
  );
}
