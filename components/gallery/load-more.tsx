"use client";

import { useEffect, useRef } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";

type Props = { hasMore: boolean; loading: boolean; onLoad: () => void };

/** Infinite scroll: loads the next page as the end comes into view; the button is the fallback (and the keyboard way). */
export function LoadMore({ hasMore, loading, onLoad }: Props) {
  const t = useTranslations("gallery");
  const sentinel = useRef<HTMLDivElement>(null);
  const onLoadRef = useRef(onLoad);
  useEffect(() => {
    onLoadRef.current = onLoad;
  }, [onLoad]);

  useEffect(() => {
    const node = sentinel.current;
    if (!node || !hasMore || loading || typeof IntersectionObserver === "undefined") return;
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting)) onLoadRef.current();
      },
      { rootMargin: "400px 0px" },
    );
    observer.observe(node);
    return () => observer.disconnect();
  }, [hasMore, loading]);

  return (
    <div ref={sentinel} className="mt-6 flex justify-center">
      {hasMore ? (
        <Button type="button" variant="secondary" onClick={onLoad} disabled={loading}>
          {loading ? t("loading") : t("loadMore")}
        </Button>
      ) : (
        <p className="text-sm text-slate-500 dark:text-slate-400">{t("end")}</p>
      )}
    </div>
  );
}
