import { GLYPH_HEIGHT, GLYPH_WIDTH, glyphColumns, glyphPixel } from "./bitmap-font";

export type Rgb = readonly [number, number, number];

/** A packed rgb24 frame, the pixel format handed to the encoder. */
export class RgbCanvas {
  readonly data: Buffer;

  constructor(
    readonly width: number,
    readonly height: number,
    data?: Buffer,
  ) {
    this.data = data ?? Buffer.alloc(width * height * 3);
    if (this.data.length !== width * height * 3) throw new Error("rgb buffer does not match the canvas size");
  }

  fillRect(x: number, y: number, w: number, h: number, color: Rgb): void {
    const x0 = Math.max(0, Math.round(x));
    const y0 = Math.max(0, Math.round(y));
    const x1 = Math.min(this.width, Math.round(x + w));
    const y1 = Math.min(this.height, Math.round(y + h));
    if (x1 <= x0 || y1 <= y0) return;
    const pattern = Buffer.from(color);
    for (let row = y0; row < y1; row += 1) {
      const start = (row * this.width + x0) * 3;
      this.data.fill(pattern, start, start + (x1 - x0) * 3);
    }
  }

  fillCircle(cx: number, cy: number, radius: number, color: Rgb): void {
    for (let dy = -radius; dy <= radius; dy += 1) {
      const half = Math.floor(Math.sqrt(radius * radius - dy * dy));
      this.fillRect(cx - half, cy + dy, half * 2 + 1, 1, color);
    }
  }

  /** Draws one line of text; each font pixel becomes a `scale`×`scale` square. */
  drawText(x: number, y: number, text: string, scale: number, color: Rgb): void {
    let penX = x;
    for (const char of text) {
      const columns = glyphColumns(char);
      for (let column = 0; column < GLYPH_WIDTH; column += 1) {
        for (let row = 0; row < GLYPH_HEIGHT; row += 1) {
          if (glyphPixel(columns, column, row))
            this.fillRect(penX + column * scale, y + row * scale, scale, scale, color);
        }
      }
      penX += (GLYPH_WIDTH + 1) * scale;
    }
  }

  drawTextWithShadow(x: number, y: number, text: string, scale: number, color: Rgb, shadow: Rgb): void {
    const offset = Math.max(1, Math.floor(scale / 2));
    this.drawText(x + offset, y + offset, text, scale, shadow);
    this.drawText(x, y, text, scale, color);
  }
}

/** Width in pixels of one character cell at a scale (glyph plus one column of spacing). */
export function cellWidth(scale: number): number {
  return (GLYPH_WIDTH + 1) * scale;
}

export function hslToRgb(hue: number, saturation: number, lightness: number): Rgb {
  const c = (1 - Math.abs(2 * lightness - 1)) * saturation;
  const h = (((hue % 360) + 360) % 360) / 60;
  const x = c * (1 - Math.abs((h % 2) - 1));
  const [r, g, b] =
    h < 1 ? [c, x, 0] : h < 2 ? [x, c, 0] : h < 3 ? [0, c, x] : h < 4 ? [0, x, c] : h < 5 ? [x, 0, c] : [c, 0, x];
  const m = lightness - c / 2;
  return [Math.round((r + m) * 255), Math.round((g + m) * 255), Math.round((b + m) * 255)];
}

/** Wraps words into lines of at most `columns` characters, splitting words that are too long. */
export function wrapText(text: string, columns: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const rawWord of text.split(/\s+/).filter(Boolean)) {
    let word = rawWord;
    while (word.length > columns) {
      if (line) lines.push(line);
      line = "";
      lines.push(word.slice(0, columns));
      word = word.slice(columns);
    }
    if (!word) continue;
    if (!line) line = word;
    else if (line.length + 1 + word.length <= columns) line += ` ${word}`;
    else {
      lines.push(line);
      line = word;
    }
  }
  if (line) lines.push(line);
  return lines;
}
