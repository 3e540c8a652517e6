"use client";

import { useEffect, useState } from "react";
import { useTranslations } from "next-intl";
import { SelectField } from "@/components/ui/select-field";
import { Button } from "@/components/ui/button";
import { hasFilters, STATUS_FILTERS, type GalleryFilters, type StatusFilter } from "@/lib/videos/gallery-filters-url";
import { controlClass } from "@/components/ui/control-class";

type Props = {
  filters: GalleryFilters;
  models: string[];
  collections: { id: string; name: string }[];
  onChange: (next: GalleryFilters) => void;
};

const SEARCH_DEBOUNCE_MS = 300;

export function GalleryFilterBar({ filters, models, collections, onChange }: Props) {
  const t = useTranslations("gallery.filters");
  const tl = useTranslations("library.filters");
  const [q, setQ] = useState(filters.q ?? "");

  // Typing waits for a pause before it asks the server, so each keystroke is not a request.
  useEffect(() => {
    if (q.trim() === (filters.q ?? "")) return;
    const timer = setTimeout(() => onChange({ ...filters, q: q.trim() || undefined }), SEARCH_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [q, filters, onChange]);

  return (
    <form
      role="search"
      aria-label={t("label")}
      onSubmit={(e) => e.preventDefault()}
      className="mb-6 grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-[repeat(5,minmax(0,9rem))_minmax(0,1fr)_auto] lg:items-end"
    >
      <SelectField
        label={t("status")}
        value={filters.status ?? ""}
        onChange={(e) => onChange({ ...filters, status: (e.target.value || undefined) as StatusFilter | undefined })}
      >
        <option value="">{t("anyStatus")}</option>
        {STATUS_FILTERS.map((s) => (
          <option key={s} value={s}>
            {t(s)}
          </option>
        ))}
      </SelectField>
      <SelectField
        label={t("model")}
        value={filters.model ?? ""}
        onChange={(e) => onChange({ ...filters, model: e.target.value || undefined })}
      >
        <option value="">{t("anyModel")}</option>
        {models.map((m) => (
          <option key={m} value={m}>
            {m}
          </option>
        ))}
      </SelectField>
      <SelectField
        label={t("who")}
        value={filters.mine ? "mine" : ""}
        onChange={(e) => onChange({ ...filters, mine: e.target.value === "mine" || undefined })}
      >
        <option value="">{t("everyone")}</option>
        <option value="mine">{t("mine")}</option>
      </SelectField>
      <SelectField
        label={tl("favourites")}
        value={filters.favourites ? "1" : ""}
        onChange={(e) => onChange({ ...filters, favourites: e.target.value === "1" || undefined })}
      >
        <option value="">{tl("all")}</option>
        <option value="1">{tl("onlyFavourites")}</option>
      </SelectField>
      <SelectField
        label={tl("collection")}
        value={filters.collection ?? ""}
        onChange={(e) => onChange({ ...filters, collection: e.target.value || undefined })}
      >
        <option value="">{tl("anyCollection")}</option>
        {collections.map((c) => (
          <option key={c.id} value={c.id}>
            {c.name}
          </option>
        ))}
      </SelectField>
      <div className="col-span-2 flex min-w-0 flex-col gap-1 sm:col-span-3 lg:col-span-1">
        <label htmlFor="gallery-search" className="text-sm font-medium text-slate-800 dark:text-slate-200">
          {t("search")}
        </label>
        <input
          id="gallery-search"
          type="search"
          value={q}
          onChange={(e) => setQ(e.target.value)}
          placeholder={t("searchPlaceholder")}
          maxLength={200}
          className={controlClass(false)}
        />
      </div>
      {hasFilters(filters) || q ? (
        <Button
          type="button"
          variant="ghost"
          onClick={() => {
            setQ("");
            onChange({});
          }}
        >
          {t("clear")}
        </Button>
      ) : null}
    </form>
  );
}
