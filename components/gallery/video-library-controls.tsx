"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { collectionItemsAction, createCollectionAction, setFavouritesAction } from "@/lib/actions/library";
import type { CollectionDto } from "@/lib/library/collections";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { controlClass } from "@/components/ui/control-class";
import { FavouriteButton } from "./favourite-button";
import { libraryForm } from "./library-api";

type Props = {
  teamId: string;
  taskId: string;
  initial: { favourite: boolean; collectionIds: string[] };
  collections: CollectionDto[];
  canCollect: boolean;
};

/** Star this video; put it in (or take it out of) the team's collections; make a new one with it. */
export function VideoLibraryControls({ teamId, taskId, initial, collections, canCollect }: Props) {
  const t = useTranslations("library");
  const router = useRouter();
  const [favourite, setFavourite] = useState(initial.favourite);
  const [inside, setInside] = useState(() => new Set(initial.collectionIds));
  const [name, setName] = useState("");
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);

  async function toggleFavourite() {
    const on = !favourite;
    setFavourite(on);
    const result = await setFavouritesAction(libraryForm(teamId, { on: on ? "1" : "0" }, [taskId]));
    if (!result.ok) {
      setFavourite(!on);
      setMessage({ text: result.formError ?? "", error: true });
    }
  }

  async function toggleCollection(collectionId: string, on: boolean) {
    setInside((old) => new Set(on ? [...old, collectionId] : [...old].filter((id) => id !== collectionId)));
    const result = await collectionItemsAction(libraryForm(teamId, { collectionId, remove: on ? "0" : "1" }, [taskId]));
    setMessage({ text: result.formError ?? result.message ?? "", error: !result.ok });
    if (!result.ok) router.refresh();
  }

  return (
    <div data-testid="video-library">
      <Card className="flex flex-col gap-3">
        <h2 className="text-base font-semibold">{t("detail.title")}</h2>
        <div>
          <FavouriteButton on={favourite} onToggle={() => void toggleFavourite()} size="large" />
        </div>
        <fieldset className="flex flex-col gap-2">
          <legend className="mb-1 text-sm font-medium">{t("detail.inCollections")}</legend>
          {collections.length === 0 ? (
            <p className="text-sm text-slate-500 dark:text-slate-400">{t("collections.none")}</p>
          ) : (
            collections.map((c) => (
              <label key={c.id} className="flex items-center gap-2 text-sm">
                <input
                  type="checkbox"
                  checked={inside.has(c.id)}
                  disabled={!canCollect}
                  onChange={(e) => void toggleCollection(c.id, e.target.checked)}
                  className="h-4 w-4 accent-brand-600"
                />
                <span className="min-w-0 break-words">{c.name}</span>
              </label>
            ))
          )}
        </fieldset>
        {canCollect ? (
          <form
            className="flex flex-wrap items-end gap-2"
            onSubmit={(e) => {
              e.preventDefault();
              void createCollectionAction(libraryForm(teamId, { name }, [taskId])).then((result) => {
                setMessage({
                  text: result.fieldErrors?.name ?? result.formError ?? result.message ?? "",
                  error: !result.ok,
                });
                if (result.ok) {
                  setName("");
                  const created = result.data as CollectionDto | undefined;
                  if (created) setInside((old) => new Set([...old, created.id]));
                  router.refresh();
                }
              });
            }}
          >
            <label className="flex min-w-0 flex-1 flex-col gap-1 text-sm font-medium">
              {t("collections.newName")}
              <input
                value={name}
                maxLength={80}
                onChange={(e) => setName(e.target.value)}
                placeholder={t("collections.newPlaceholder")}
                className={controlClass(false)}
              />
            </label>
            <Button type="submit" variant="secondary" disabled={!name.trim()}>
              {t("collections.create")}
            </Button>
          </form>
        ) : null}
        <p
          aria-live="polite"
          className={`text-sm ${message?.error ? "text-red-700 dark:text-red-300" : "text-slate-600 dark:text-slate-300"}`}
        >
          {message?.text}
        </p>
      </Card>
    </div>
  );
}
