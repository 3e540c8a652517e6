import { execFile } from "node:child_process";
import { promisify } from "node:util";
import ffprobe from "@ffprobe-installer/ffprobe";
import sharp from "sharp";
import { expect, type Page } from "@playwright/test";

// Helpers for the videos browser tests: submit through the real Generate form, wait on what a
// person sees, and decode downloads with ffprobe.

export type VideoChoice = { prompt: string; model?: string; size?: string; seconds?: number };

export async function fillGenerateForm(page: Page, teamId: string, choice: VideoChoice): Promise<void> {
  await page.goto(`/t/${teamId}/generate`);
  await page.getByLabel("Prompt").fill(choice.prompt);
  if (choice.model) await page.getByLabel("Model").selectOption(choice.model);
  if (choice.size) await page.getByLabel("Size").selectOption(choice.size);
  if (choice.seconds) await page.getByLabel("Duration").selectOption(String(choice.seconds));
}

/** Submits the filled form and returns the "Your latest video" panel. */
export async function submitAndFollow(page: Page) {
  await page.getByRole("button", { name: "Generate video" }).click();
  const panel = page.getByTestId("latest-video");
  await expect(panel).toBeVisible({ timeout: 30_000 });
  return panel;
}

export async function generateVideo(
  page: Page,
  teamId: string,
  choice: VideoChoice,
  until: "Completed" | "Failed" = "Completed",
) {
  await fillGenerateForm(page, teamId, choice);
  const panel = await submitAndFollow(page);
  await expect(panel.getByText(until, { exact: true })).toBeVisible({ timeout: 45_000 });
  return panel;
}

export type Probe = { width: number; height: number; duration: number; codec: string };

export async function probeMp4(file: string): Promise<Probe> {
  const { stdout } = await promisify(execFile)(ffprobe.path, [
    "-v",
    "error",
    "-select_streams",
    "v:0",
    "-show_streams",
    "-show_format",
    "-of",
    "json",
    file,
  ]);
  const info = JSON.parse(stdout) as {
    streams: { width: number; height: number; codec_name: string }[];
    format: { duration: string; format_name: string };
  };
  const stream = info.streams[0];
  if (!stream || !info.format.format_name.includes("mp4")) throw new Error(`not an MP4 video: ${stdout}`);
  return {
    width: stream.width,
    height: stream.height,
    duration: Number(info.format.duration),
    codec: stream.codec_name,
  };
}

/** A PNG of the given size (a gradient, so crop and pad give visibly different results). */
export async function testImage(width: number, height: number): Promise<Buffer> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><defs><linearGradient id="g"><stop offset="0" stop-color="#f97316"/><stop offset="1" stop-color="#2563eb"/></linearGradient></defs><rect width="100%" height="100%" fill="url(#g)"/><circle cx="${width / 2}" cy="${height / 2}" r="${Math.min(width, height) / 4}" fill="#fde047"/></svg>`;
  return sharp(Buffer.from(svg)).png().toBuffer();
}
