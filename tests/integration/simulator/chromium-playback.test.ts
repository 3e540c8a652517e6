import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { chromium, type Browser } from "@playwright/test";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  AUTH,
  createJson,
  expectVideoResource,
  startTestSimulator,
  waitForStatus,
  type TestSimulator,
} from "./support/harness";

// The content route needs the Bearer header, which a <video> element cannot send, so the bytes
// are fetched here and served from a tiny local page server (as the studio will serve them).

let sim: TestSimulator;
let browser: Browser;
let pages: Server;
let pageUrl = "";
let videoBytes = Buffer.alloc(0);

beforeAll(async () => {
  sim = await startTestSimulator();
  const created = expectVideoResource(
    await (await createJson(sim.api, { prompt: "Chromium plays this", size: "1280x720", seconds: "4" })).json(),
  );
  await waitForStatus(sim.api, created.id, ["completed"]);
  const response = await fetch(`${sim.api}/videos/${created.id}/content`, { headers: AUTH });
  videoBytes = Buffer.from(await response.arrayBuffer());

  pages = createServer((req, res) => {
    if (req.url === "/video.mp4") {
      res.writeHead(200, { "content-type": "video/mp4", "content-length": videoBytes.byteLength });
      res.end(videoBytes);
      return;
    }
    res.writeHead(200, { "content-type": "text/html" });
    res.end('<!doctype html><video id="v" src="/video.mp4" muted playsinline preload="auto"></video>');
  });
  await new Promise<void>((resolve) => pages.listen(0, "127.0.0.1", () => resolve()));
  pageUrl = `http://127.0.0.1:${(pages.address() as AddressInfo).port}/`;
  browser = await chromium.launch({
    executablePath: "/usr/bin/chromium",
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
});

afterAll(async () => {
  await browser?.close();
  await new Promise<void>((resolve) => (pages ? pages.close(() => resolve()) : resolve()));
  await sim?.stop();
});

describe("playback in Chromium", () => {
  it("decodes and plays the MP4", async () => {
    const page = await browser.newPage();
    await page.goto(pageUrl);
    const state = await page.evaluate(async () => {
      const video = document.getElementById("v") as HTMLVideoElement;
      await new Promise<void>((resolve, reject) => {
        if (video.readyState >= 2) resolve();
        video.addEventListener("loadeddata", () => resolve(), { once: true });
        video.addEventListener("error", () => reject(new Error(`media error ${video.error?.code}`)), { once: true });
      });
      await video.play();
      await new Promise((resolve) => setTimeout(resolve, 600));
      return {
        readyState: video.readyState,
        width: video.videoWidth,
        height: video.videoHeight,
        duration: video.duration,
        currentTime: video.currentTime,
        error: video.error?.code ?? null,
      };
    });
    expect(state.error).toBeNull();
    expect(state.readyState).toBeGreaterThanOrEqual(2);
    expect(state.width).toBe(1280);
    expect(state.height).toBe(720);
    expect(state.duration).toBeCloseTo(4, 1);
    expect(state.currentTime).toBeGreaterThan(0.2);
    await page.close();
  });
});
