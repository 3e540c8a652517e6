// The gallery card's picture box is 16:9 and at most ~460 CSS px wide (two columns just below
// the xl breakpoint; 290–340 px in most layouts, 343–380 px on phones). The card poster is the
// full poster scaled to fit a 320×180 box at twice the pixels (a 2× screen), never enlarged:
// a landscape 1280×720 video gets 640×360, a portrait 720×1280 one 203×360.
// Pure: the archive (lib/storage/card-poster.ts) and the card (width/height, no layout shift)
// compute the same size.

export const CARD_POSTER_BOX = { width: 640, height: 360 } as const;

/** The card poster's pixel size for a picture of `width`×`height`: fits the box, never enlarged. */
export function cardPosterSize(width: number, height: number): { width: number; height: number } {
  if (!(width > 0 && height > 0)) return { ...CARD_POSTER_BOX };
  const scale = Math.min(1, CARD_POSTER_BOX.width / width, CARD_POSTER_BOX.height / height);
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
}

/** Same, from a video's "WxH" size string (a poster is a frame of the video). */
export function cardPosterSizeFor(size: string): { width: number; height: number } {
  const [width, height] = size.split("x").map(Number);
  return cardPosterSize(width ?? 0, height ?? 0);
}
