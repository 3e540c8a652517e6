import { createHash } from "node:crypto";
import { setImmediate as yieldToEventLoop } from "node:timers/promises";
import { foldToFontRepertoire, GLYPH_HEIGHT } from "./bitmap-font";
import { cellWidth, hslToRgb, RgbCanvas, wrapText, type Rgb } from "./rgb-canvas";

// What every frame shows, so a person can tell from the video what was asked: a background
// colour from the prompt's hash, the model/size/duration line, the prompt's words, a ball that
// bounces and a bar that fills with playback time. With a reference image the opening frames
// are the image itself and it stays visible under the scene.

// CHOICE: 8 frames per second keeps a 12 s 1792x1024 render near 3 s on two cores; the contract
// fixes size and duration, not frame rate.
export const FPS = 8;
const WHITE: Rgb = [255, 255, 255];
const SHADOW: Rgb = [0, 0, 0];

export interface SceneSpec {
  width: number;
  height: number;
  seconds: number;
  model: string;
  prompt: string;
  remixedFromVideoId: string | null;
  /** The reference as raw rgb24 of exactly width×height, or null. */
  reference: Buffer | null;
  /** A last-frame image (raw rgb24, width×height): the closing half second shows it. */
  lastFrame?: Buffer | null;
  /** Frames per second; absent = FPS. */
  fps?: number;
}

interface Layout {
  margin: number;
  textScale: number;
  smallScale: number;
  ballRadius: number;
  ballY: number;
  barY: number;
  barHeight: number;
}

export interface Scene {
  spec: SceneSpec;
  frameCount: number;
  fps: number;
  /** With a reference, frames before this index are the reference image unchanged. */
  introFrames: number;
  /** With a last frame, frames from this index on are that image unchanged. */
  outroStart: number;
  base: RgbCanvas;
  layout: Layout;
  accent: Rgb;
  track: Rgb;
}

export function sceneColours(prompt: string): { background: Rgb; accent: Rgb; track: Rgb; hue: number } {
  const digest = createHash("sha256").update(prompt).digest();
  const hue = (((digest[0] ?? 0) * 256 + (digest[1] ?? 0)) / 65536) * 360;
  return {
    hue,
    background: hslToRgb(hue, 0.55, 0.4),
    accent: hslToRgb(hue + 180, 0.8, 0.6),
    track: hslToRgb(hue, 0.3, 0.2),
  };
}

function layoutFor(width: number, height: number): Layout {
  const short = Math.min(width, height);
  const margin = Math.round(short * 0.06);
  const textScale = Math.max(2, Math.round(short / 140));
  const barHeight = Math.max(4, Math.round(short / 90));
  const barY = height - margin - barHeight;
  return {
    margin,
    textScale,
    smallScale: Math.max(1, Math.round(textScale * 0.75)),
    ballRadius: Math.max(6, Math.round(short * 0.05)),
    ballY: Math.round(height * 0.8),
    barY,
    barHeight,
  };
}

/** Background gradient, darker towards the bottom. */
function paintBackground(canvas: RgbCanvas, colour: Rgb): void {
  for (let y = 0; y < canvas.height; y += 1) {
    const shade = 1.15 - (0.45 * y) / canvas.height;
    const row: Rgb = [
      Math.min(255, Math.round(colour[0] * shade)),
      Math.min(255, Math.round(colour[1] * shade)),
      Math.min(255, Math.round(colour[2] * shade)),
    ];
    canvas.fillRect(0, y, canvas.width, 1, row);
  }
}

/** Mixes the reference under the background (55 % image), in slices so the loop stays free. */
async function blendReference(canvas: RgbCanvas, reference: Buffer): Promise<void> {
  const data = canvas.data;
  const sliceBytes = canvas.width * 3 * 128;
  for (let start = 0; start < data.length; start += sliceBytes) {
    const end = Math.min(data.length, start + sliceBytes);
    for (let i = start; i < end; i += 1) data[i] = ((reference[i] ?? 0) * 141 + (data[i] ?? 0) * 115) >> 8;
    await yieldToEventLoop();
  }
}

export async function buildScene(spec: SceneSpec): Promise<Scene> {
  const { width, height } = spec;
  const layout = layoutFor(width, height);
  const colours = sceneColours(spec.prompt);
  const base = new RgbCanvas(width, height);
  paintBackground(base, colours.background);
  if (spec.reference !== null) await blendReference(base, spec.reference);

  const { margin, textScale, smallScale } = layout;
  let y = margin;
  const headline = `${spec.model} | ${width}x${height} | ${spec.seconds}s`;
  const smallColumns = Math.floor((width - 2 * margin) / cellWidth(smallScale));
  for (const line of wrapText(headline, smallColumns)) {
    base.drawTextWithShadow(margin, y, line, smallScale, WHITE, SHADOW);
    y += (GLYPH_HEIGHT + 3) * smallScale;
  }
  if (spec.remixedFromVideoId !== null) {
    for (const line of wrapText(`remix of ${spec.remixedFromVideoId}`, smallColumns)) {
      base.drawTextWithShadow(margin, y, line, smallScale, WHITE, SHADOW);
      y += (GLYPH_HEIGHT + 3) * smallScale;
    }
  }
  y += margin / 2;

  const columns = Math.floor((width - 2 * margin) / cellWidth(textScale));
  const lineHeight = (GLYPH_HEIGHT + 3) * textScale;
  const maxLines = Math.max(1, Math.floor((layout.ballY - layout.ballRadius - margin - y) / lineHeight));
  const lines = wrapText(foldToFontRepertoire(spec.prompt), columns);
  const shown = lines.slice(0, maxLines);
  if (lines.length > maxLines && shown.length > 0) {
    const last = shown[shown.length - 1] ?? "";
    shown[shown.length - 1] = `${last.slice(0, Math.max(0, columns - 3))}...`;
  }
  for (const line of shown) {
    base.drawTextWithShadow(margin, y, line, textScale, WHITE, SHADOW);
    y += lineHeight;
  }
  // The bar's empty track is static; its filled part is drawn per frame.
  base.fillRect(margin, layout.barY, width - 2 * margin, layout.barHeight, colours.track);

  const fps = spec.fps ?? FPS;
  const frameCount = spec.seconds * fps;
  const halfSecond = Math.max(1, Math.floor(fps / 2));
  return {
    spec,
    fps,
    frameCount,
    introFrames: spec.reference === null ? 0 : halfSecond,
    outroStart: spec.lastFrame ? frameCount - halfSecond : frameCount,
    base,
    layout,
    accent: colours.accent,
    track: colours.track,
  };
}

/** Writes frame `index` into `target` (an rgb24 buffer of the scene's size). */
export function drawFrame(scene: Scene, index: number, target: Buffer): void {
  const { spec, layout } = scene;
  if (index < scene.introFrames && spec.reference !== null) {
    spec.reference.copy(target);
    return;
  }
  if (index >= scene.outroStart && spec.lastFrame) {
    spec.lastFrame.copy(target);
    return;
  }
  const fps = scene.fps;
  scene.base.data.copy(target);
  const canvas = new RgbCanvas(spec.width, spec.height, target);
  const { margin, ballRadius, ballY, barY, barHeight, smallScale } = layout;
  const travel = spec.width - 2 * (margin + ballRadius);
  // One sweep across the frame every two seconds, back and forth.
  const phase = (index / (fps * 2)) % 2;
  const along = phase <= 1 ? phase : 2 - phase;
  canvas.fillCircle(Math.round(margin + ballRadius + travel * along), ballY, ballRadius, scene.accent);
  const played = (index + 1) / scene.frameCount;
  canvas.fillRect(margin, barY, Math.round((spec.width - 2 * margin) * played), barHeight, scene.accent);
  const clock = `${(index / fps).toFixed(2)}s / ${spec.seconds}s`;
  canvas.drawTextWithShadow(margin, barY - (GLYPH_HEIGHT + 3) * smallScale, clock, smallScale, WHITE, SHADOW);
}
