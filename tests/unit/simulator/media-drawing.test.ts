import { describe, expect, it } from "vitest";
import { foldToFontRepertoire, glyphColumns, glyphPixel } from "@/lib/simulator/media/bitmap-font";
import { hslToRgb, RgbCanvas, wrapText } from "@/lib/simulator/media/rgb-canvas";
import { sceneColours } from "@/lib/simulator/media/scene";

function glyphArt(char: string): string[] {
  const columns = glyphColumns(char);
  return Array.from({ length: 7 }, (_, row) =>
    Array.from({ length: 5 }, (_, col) => (glyphPixel(columns, col, row) ? "#" : ".")).join(""),
  );
}

describe("bitmap font", () => {
  it("draws recognisable glyphs", () => {
    expect(glyphArt("A")).toEqual([".###.", "#...#", "#...#", "#...#", "#####", "#...#", "#...#"]);
    expect(glyphArt("T")).toEqual(["#####", "..#..", "..#..", "..#..", "..#..", "..#..", "..#.."]);
    expect(glyphArt("1")).toEqual(["..#..", ".##..", "..#..", "..#..", "..#..", "..#..", ".###."]);
    expect(glyphArt(" ").join("")).not.toContain("#");
  });

  it("gives every printable ASCII character a distinct glyph", () => {
    const seen = new Set<string>();
    for (let code = 0x21; code <= 0x7e; code += 1) seen.add(glyphArt(String.fromCharCode(code)).join("/"));
    expect(seen.size).toBe(0x7e - 0x21 + 1);
  });

  it("draws a box for characters it cannot show and folds what it can", () => {
    expect(glyphArt("猫")).toEqual(["#####", "#...#", "#...#", "#...#", "#...#", "#...#", "#####"]);
    expect(foldToFontRepertoire("Café “quoted” — ＡＢ…")).toBe('Cafe "quoted" - AB...');
  });
});

describe("rgb canvas", () => {
  it("fills clipped rectangles and circles", () => {
    const canvas = new RgbCanvas(4, 3);
    canvas.fillRect(-1, 1, 3, 5, [10, 20, 30]);
    const px = (x: number, y: number) => [...canvas.data.subarray((y * 4 + x) * 3, (y * 4 + x) * 3 + 3)];
    expect(px(0, 0)).toEqual([0, 0, 0]);
    expect(px(0, 1)).toEqual([10, 20, 30]);
    expect(px(1, 2)).toEqual([10, 20, 30]);
    expect(px(2, 2)).toEqual([0, 0, 0]);
    const round = new RgbCanvas(21, 21);
    round.fillCircle(10, 10, 10, [255, 255, 255]);
    expect(round.data[(10 * 21 + 10) * 3]).toBe(255);
    expect(round.data[0]).toBe(0);
  });

  it("draws text at a scale", () => {
    const canvas = new RgbCanvas(12, 14);
    canvas.drawText(0, 0, "I", 2, [255, 0, 0]);
    const lit = (x: number, y: number) => canvas.data[(y * 12 + x) * 3] === 255;
    // "I" is columns 1..3 of the top row at scale 1, so pixels 2..7 at scale 2.
    expect(lit(1, 0)).toBe(false);
    expect(lit(2, 0)).toBe(true);
    expect(lit(7, 1)).toBe(true);
    expect(lit(8, 0)).toBe(false);
    expect(lit(4, 6)).toBe(true);
  });

  it("wraps words and splits long ones", () => {
    expect(wrapText("a calico cat playing a piano", 10)).toEqual(["a calico", "cat", "playing a", "piano"]);
    expect(wrapText("abcdefghijkl xy", 5)).toEqual(["abcde", "fghij", "kl xy"]);
    expect(wrapText("   ", 5)).toEqual([]);
  });

  it("derives stable, distinct colours from the prompt", () => {
    expect(sceneColours("a cat")).toEqual(sceneColours("a cat"));
    expect(sceneColours("a cat").background).not.toEqual(sceneColours("a dog").background);
    expect(hslToRgb(0, 1, 0.5)).toEqual([255, 0, 0]);
    expect(hslToRgb(120, 1, 0.5)).toEqual([0, 255, 0]);
  });
});
