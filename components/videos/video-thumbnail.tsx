"use client";

import Image from "next/image";
import { useState } from "react";
import { useTranslations } from "next-intl";
import type { VideoDto } from "@/lib/videos/video-dto";
import { cardPosterSizeFor } from "@/lib/storage/card-poster-size";

// The card's picture. Moving the pointer over it scrubs through the sprite sheet: the simulator's
// sheet is a grid with one tile per second, at most 4 tiles a row (a real provider's layout is not
// documented; we assume the same and it degrades to a wrong frame, never an error), so the tile
// under the pointer is picked with percentages — no need to know the sheet's pixel size.
const SPRITE_COLUMNS = 4;

function aspect(size: string): number {
  const [w, h] = size.split("x").map(Number);
  return w && h ? w / h : 16 / 9;
}

/**
 * How soon the browser fetches the poster: `first` for the likely LCP image (preloaded, fetched at
 * high priority), `eager` for the rest of the first screen, `lazy` (default) for the others.
 */
export type ThumbnailLoading = "first" | "eager" | "lazy";

export function VideoThumbnail({
  video,
  loading = "lazy",
}: {
  video: Pick<VideoDto, "size" | "seconds" | "media" | "status">;
  loading?: ThumbnailLoading;
}) {
  const t = useTranslations("videos");
  const [tile, setTile] = useState<number | null>(null);
  const tiles = Math.max(1, video.seconds);
  const columns = Math.min(SPRITE_COLUMNS, tiles);
  const rows = Math.ceil(tiles / columns);
  const sheet = video.media.spritesheet;

  function scrub(clientX: number, box: DOMRect) {
    const ratio = Math.min(0.999, Math.max(0, (clientX - box.left) / box.width));
    setTile(Math.floor(ratio * tiles));
  }

  const picture = (() => {
    if (sheet && tile !== null) {
      const col = tile % columns;
      const row = Math.floor(tile / columns);
      return (
        <div
          aria-hidden
          data-testid="sprite-scrub"
          className="h-full bg-no-repeat"
          style={{
            aspectRatio: String(aspect(video.size)),
            backgroundImage: `url(${sheet})`,
            backgroundSize: `${columns * 100}% ${rows * 100}%`,
            backgroundPosition: `${columns > 1 ? (col / (columns - 1)) * 100 : 0}% ${rows > 1 ? (row / (rows - 1)) * 100 : 0}%`,
          }}
        />
      );
    }
    // The card-sized poster (a few KB; width and height reserve its box), the full frame only for
    // a DTO without one. `unoptimized`: the studio already serves the size the card draws.
    const src = video.media.poster ?? video.media.thumbnail;
    if (src) {
      const size = cardPosterSizeFor(video.size);
      return (
        <Image
          src={src}
          alt=""
          width={size.width}
          height={size.height}
          unoptimized
          preload={loading === "first"}
          fetchPriority={loading === "first" ? "high" : undefined}
          loading={loading === "first" ? undefined : loading}
          className="h-full w-auto object-contain"
        />
      );
    }
    return (
      <span className="px-2 text-center text-xs text-slate-400">
        {video.status === "failed" ? t("failedPreview") : t("noPreview")}
      </span>
    );
  })();

  return (
    <div
      className="flex aspect-video items-center justify-center overflow-hidden bg-slate-900 dark:bg-slate-950"
      onPointerMove={sheet ? (e) => scrub(e.clientX, e.currentTarget.getBoundingClientRect()) : undefined}
      onPointerLeave={() => setTile(null)}
    >
      {picture}
    </div>
  );
}
