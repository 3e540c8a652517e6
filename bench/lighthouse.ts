// Issue 11, item 5: Lighthouse (mobile, its default: a mid-range phone, simulated slow 4G and CPU)
// on the gallery of a team with 60 archived videos and on Generate, against a production build,
// next to the signed-out sign-in page of the same build as a reference.
// Prints each run's scores, FCP / LCP / TBT / CLS and the LCP element, the median per page, and
// every audit below full marks; the JSON reports go to <data dir>-reports/. Asserts nothing.
//
//   npx tsx bench/lighthouse.ts [runs per page = 3] [videos = 60]
//
// The fourth page, "blank", is a blank Next.js app built from the same packages
// (bench/support/blank-next.ts) on PORT + 1: the score the framework alone reaches here.
//
// Lighthouse is not one of the app's packages: it is installed from the npm registry into
// .tools/lighthouse (git-ignored, its own package.json) the first time, like scripts/ensure-node.sh
// does for Node. Chromium: CHROME_PATH, default /usr/bin/chromium. The studio runs through
// scripts/start.ts (`npm start`: migrations, build when sources changed, `next start`) on PORT
// (default 3473) with its own data folder (LIGHTHOUSE_DATA_DIR, default .data/lighthouse, wiped
// first) and build folder (STUDIO_DIST_DIR, default .next-lighthouse), so it touches no one else's.
// LIGHTHOUSE_PAGES=gallery,generate,sign-in,blank picks pages; LIGHTHOUSE_CHROME_FLAGS adds Chromium flags;
// LIGHTHOUSE_SCREENSHOTS=0 skips the screenshots.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { availableParallelism, loadavg } from "node:os";
import { pathToFileURL } from "node:url";
import sharp from "sharp";
import { startBlankNext } from "./support/blank-next";

const LIGHTHOUSE_VERSION = "13.5.0";
const root = path.resolve(import.meta.dirname, "..");
const runs = Number(process.argv[2] ?? 3);
const videoCount = Number(process.argv[3] ?? 60);
const port = Number(process.env.PORT ?? 3473);
const base = `http://localhost:${port}`;
const dataDir = path.resolve(root, process.env.LIGHTHOUSE_DATA_DIR ?? ".data/lighthouse");
const distDir = process.env.STUDIO_DIST_DIR ?? ".next-lighthouse";
const chromePath = process.env.CHROME_PATH ?? "/usr/bin/chromium";
const toolDir = path.join(root, ".tools/lighthouse");
const reportDir = path.join(dataDir, "..", `${path.basename(dataDir)}-reports`);

// ---------------------------------------------------------------------------------------------
// Lighthouse from the npm registry, into .tools/lighthouse.

function ensureLighthouse(): void {
  if (existsSync(path.join(toolDir, "node_modules/lighthouse/package.json"))) return;
  console.log(`Installing lighthouse@${LIGHTHOUSE_VERSION} from the npm registry into .tools/lighthouse…`);
  mkdirSync(toolDir, { recursive: true });
  writeFileSync(
    path.join(toolDir, "package.json"),
    JSON.stringify({ private: true, description: "Lighthouse for bench/lighthouse.ts" }, null, 2),
  );
  // Its own folder and package.json: the app's lockfile never sees it.
  const npm = spawnSync(
    "npm",
    ["install", "--no-audit", "--no-fund", "--loglevel=error", `lighthouse@${LIGHTHOUSE_VERSION}`],
    { cwd: toolDir, stdio: "inherit" },
  );
  if (npm.status !== 0) throw new Error("npm install lighthouse failed (see above)");
}

// ---------------------------------------------------------------------------------------------
// One team with `videoCount` archived videos: rows as the archive leaves them, a full-size first
// frame (WebP) per video and its card poster, made by the archive's own function.

const PROMPTS = [
  "A lighthouse keeper climbs the spiral stairs at dusk",
  "Paper boats drifting down a rainy Tokyo street",
  "A red panda eating bamboo in slow motion",
  "Time-lapse of clouds rolling over a mountain ridge",
  "一只熊猫在雪地里打滚",
  "A jazz pianist's hands, close up, warm light",
  "月球上的宇航员慢慢行走",
  "Drone shot over a turquoise lagoon at noon",
];

function frameSvg(width: number, height: number, i: number): Buffer {
  const hue = (i * 47) % 360;
  return Buffer.from(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">
      <defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1">
        <stop offset="0" stop-color="hsl(${hue},70%,55%)"/><stop offset="1" stop-color="hsl(${(hue + 120) % 360},60%,25%)"/>
      </linearGradient></defs>
      <rect width="100%" height="100%" fill="url(#g)" opacity="0.85"/>
      <circle cx="${width * 0.3}" cy="${height * 0.4}" r="${Math.min(width, height) * 0.22}" fill="hsl(${(hue + 200) % 360},80%,70%)" opacity="0.8"/>
      <rect x="${width * 0.5}" y="${height * 0.55}" width="${width * 0.4}" height="${height * 0.3}" rx="24" fill="hsl(${(hue + 60) % 360},50%,40%)" opacity="0.9"/>
    </svg>`,
  );
}

/** A first frame like a video's: shapes over light grain (grain is what makes real frames heavy). */
async function frame(width: number, height: number, i: number): Promise<Buffer> {
  const grain = await sharp({
    create: { width, height, channels: 3, background: "#000", noise: { type: "gaussian", mean: 128, sigma: 18 } },
  })
    .png()
    .toBuffer();
  return sharp(grain)
    .composite([{ input: frameSvg(width, height, i) }])
    .webp({ quality: 80 })
    .toBuffer();
}

async function seed(): Promise<{ teamId: string; user: { id: string; name: string; email: string } }> {
  rmSync(dataDir, { recursive: true, force: true });
  mkdirSync(dataDir, { recursive: true });
  process.env.STUDIO_DATA_DIR = dataDir;
  process.env.DATABASE_URL = `file:${path.join(dataDir, "studio.db")}`;
  process.env.STORAGE_DIR = path.join(dataDir, "media");
  process.env.STUDIO_SWEEP = "off";
  const { migrateDatabase } = await import("../lib/db/migrate");
  await migrateDatabase(process.env.DATABASE_URL, { root });
  const { db } = await import("../lib/db");
  const { createUserWithTeam } = await import("../lib/auth/sign-up");
  const { mediaRelativePath, writeMediaAtomically } = await import("../lib/storage/media-store");
  const { writeCardPoster } = await import("../lib/storage/card-poster");

  const { user, team } = await createUserWithTeam(
    db,
    { name: "Lighthouse", email: "lighthouse@example.test", password: "password-123" },
    "Lighthouse team",
    "en",
  );
  const connection = await db.providerConnection.findFirstOrThrow({ where: { teamId: team.id } });
  const frames = {
    "1280x720": await Promise.all([0, 1, 2, 3].map((i) => frame(1280, 720, i))),
    "720x1280": await Promise.all([4, 5, 6, 7].map((i) => frame(720, 1280, i))),
  };
  const now = Date.now();
  for (let i = 0; i < videoCount; i++) {
    const size = i % 3 === 2 ? "720x1280" : "1280x720";
    const at = new Date(now - i * 3_600_000);
    const task = await db.videoTask.create({
      data: {
        teamId: team.id,
        createdById: user.id,
        idempotencyKey: `lighthouse-${i}`,
        connectionId: connection.id,
        channel: "simulator",
        model: i % 2 ? "sora-2" : "sora-2-pro",
        size,
        seconds: 4,
        prompt: PROMPTS[i % PROMPTS.length]!,
        status: "completed",
        progress: 100,
        estimateCents: 40,
        createdAt: at,
        completedAt: at,
        archiveStatus: "done",
        archivedAt: at,
      },
      select: { id: true },
    });
    const thumbnail = mediaRelativePath(team.id, task.id, "thumbnail");
    await writeMediaAtomically(thumbnail, [frames[size][i % 4]!], () => undefined);
    await writeCardPoster(thumbnail);
    await db.videoTask.update({ where: { id: task.id }, data: { thumbnailPath: thumbnail } });
  }
  await db.$disconnect();
  return { teamId: team.id, user: { id: user.id, name: user.name ?? "Lighthouse", email: user.email } };
}

async function sessionCookie(user: { id: string; name: string; email: string }): Promise<string> {
  const { resolveAuthSecret } = await import("../lib/config/secrets");
  const { encode } = await import("next-auth/jwt");
  // The same secret scripts/start.ts resolves (generated into the data folder on first start).
  const secret = resolveAuthSecret({ configured: process.env.AUTH_SECRET, dataDir, production: false });
  const name = "authjs.session-token";
  const value = await encode({ token: { sub: user.id, name: user.name, email: user.email }, secret, salt: name });
  return `${name}=${value}`;
}

// ---------------------------------------------------------------------------------------------
// The production server.

async function startStudio(): Promise<ChildProcess> {
  const child = spawn(path.join(root, "node_modules/.bin/tsx"), ["scripts/start.ts"], {
    cwd: root,
    env: { ...process.env, PORT: String(port), STUDIO_DATA_DIR: dataDir, STUDIO_DIST_DIR: distDir },
    stdio: ["ignore", "inherit", "inherit"],
    detached: true,
  });
  const deadline = Date.now() + 300_000; // a first build takes a minute or two
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the studio exited with ${child.exitCode}`);
    const up = await fetch(`${base}/sign-in`).then(
      (r) => r.ok,
      () => false,
    );
    if (up) return child;
    await new Promise((r) => setTimeout(r, 1000));
  }
  throw new Error("the studio did not answer within 5 minutes");
}

// ---------------------------------------------------------------------------------------------
// Lighthouse runs.

type Run = {
  performance: number;
  accessibility: number;
  bestPractices: number;
  fcp: number;
  lcp: number;
  tbt: number;
  cls: number;
  lcpElement: string;
  benchmarkIndex: number;
  failing: [string, number][];
};

type Lhr = {
  environment: { benchmarkIndex: number };
  categories: Record<string, { score: number | null }>;
  audits: Record<
    string,
    {
      score: number | null;
      scoreDisplayMode: string;
      numericValue?: number;
      title: string;
      details?: { items?: { type?: string; snippet?: string }[] };
    }
  >;
};

async function lighthouseRun(url: string, cookie: string | null, label: string): Promise<Run> {
  const modules = path.join(toolDir, "node_modules");
  const { default: lighthouse } = (await import(
    pathToFileURL(path.join(modules, "lighthouse/core/index.js")).href
  )) as {
    default: (url: string, flags: object) => Promise<{ lhr: Lhr } | undefined>;
  };
  const chromeLauncher = (await import(pathToFileURL(path.join(modules, "chrome-launcher/dist/index.js")).href)) as {
    launch: (options: object) => Promise<{ port: number; kill: () => Promise<void> }>;
  };
  // A fresh browser per run: nothing cached from the run before.
  const chrome = await chromeLauncher.launch({
    chromePath,
    chromeFlags: [
      "--headless=new",
      "--no-sandbox",
      ...(process.env.LIGHTHOUSE_CHROME_FLAGS ?? "").split(" ").filter(Boolean),
    ],
  });
  try {
    const result = await lighthouse(url, {
      port: chrome.port,
      output: "json",
      logLevel: "error",
      onlyCategories: ["performance", "accessibility", "best-practices"],
      ...(cookie ? { extraHeaders: { Cookie: cookie } } : {}),
    });
    if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
    // The whole report, for a closer look (open it in https://googlechrome.github.io/lighthouse/viewer/).
    mkdirSync(reportDir, { recursive: true });
    writeFileSync(path.join(reportDir, `${label}.json`), JSON.stringify(result.lhr));
    const { categories, audits } = result.lhr;
    const score = (id: string) => Math.round((categories[id]?.score ?? 0) * 100);
    const value = (id: string) => audits[id]?.numericValue ?? NaN;
    // Lighthouse 13 names the LCP element in its LCP breakdown insight (a "node" item).
    const lcpNode = audits["lcp-breakdown-insight"]?.details?.items?.find((item) => item.type === "node");
    const failing = Object.entries(audits)
      .filter(([, a]) => a.score !== null && a.score < 1 && ["binary", "numeric"].includes(a.scoreDisplayMode))
      .map(([id, a]): [string, number] => [id, a.score!]);
    return {
      performance: score("performance"),
      accessibility: score("accessibility"),
      bestPractices: score("best-practices"),
      fcp: value("first-contentful-paint"),
      lcp: value("largest-contentful-paint"),
      tbt: value("total-blocking-time"),
      cls: value("cumulative-layout-shift"),
      lcpElement: (lcpNode?.snippet ?? "?").replace(/\s+/g, " ").slice(0, 90),
      benchmarkIndex: Math.round(result.lhr.environment.benchmarkIndex),
      failing,
    };
  } finally {
    await chrome.kill();
  }
}

/**
 * What a person sees: the gallery at 375 px (a phone) and 1440 px, in English and Chinese, full
 * page, next to the reports (Playwright's Chromium driver on the same chromium).
 */
async function screenshots(url: string, cookie: string): Promise<string[]> {
  const { chromium } = await import("@playwright/test");
  const browser = await chromium.launch({ executablePath: chromePath, args: ["--no-sandbox", "--disable-gpu"] });
  const out = reportDir; // not artifacts/screenshots: scripts/run-e2e.mjs empties that folder
  mkdirSync(out, { recursive: true });
  const files: string[] = [];
  try {
    for (const locale of ["en", "zh-CN"] as const) {
      for (const width of [375, 1440]) {
        const context = await browser.newContext({
          viewport: { width, height: width < 500 ? 812 : 900 },
          deviceScaleFactor: width < 500 ? 2 : 1,
          locale,
        });
        const [name, value] = cookie.split("=") as [string, string];
        await context.addCookies([
          { name, value, url: base, httpOnly: true, sameSite: "Lax" },
          { name: "studio-locale", value: locale, url: base },
        ]);
        const page = await context.newPage();
        await page.goto(url, { waitUntil: "networkidle" });
        // Scroll through as a person would, so the lazy posters load (and "load more" pages
        // come in at the bottom: twice, to the end of what arrives), then the whole page.
        for (let pass = 0; pass < 2; pass++) {
          for (let y = 0; y < (await page.evaluate(() => document.body.scrollHeight)); y += 600) {
            await page.evaluate((top) => window.scrollTo(0, top), y);
            await page.waitForTimeout(50);
          }
          await page.waitForLoadState("networkidle");
        }
        await page
          .waitForFunction(() => [...document.images].every((img) => img.complete), undefined, { timeout: 10_000 })
          .catch(() => console.log(`  (${locale} ${width}px: some posters still loading at the screenshot)`));
        await page.evaluate(() => window.scrollTo(0, 0));
        const file = path.join(out, `lighthouse-gallery-${locale}-${width}.png`);
        await page.screenshot({ path: file, fullPage: true });
        files.push(path.relative(root, file));
        await context.close();
      }
    }
  } finally {
    await browser.close();
  }
  return files;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

const ms = (v: number) => `${Math.round(v)} ms`.padStart(8);

async function main(): Promise<void> {
  ensureLighthouse();
  const started = Date.now();
  const { teamId, user } = await seed();
  console.log(`Seeded one team with ${videoCount} archived videos in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  const server = await startStudio();
  const blank = await startBlankNext(root, port + 1);
  try {
    const cookie = await sessionCookie(user);
    // Two references measured in the same run, so the machine's share of a score (2 shared
    // cores) can be told from the page's: the sign-in page (signed out), the same app's lightest
    // page; and a blank Next.js page of the same next and React, the framework's floor.
    const pages = [
      ["gallery", `${base}/t/${teamId}/gallery`],
      ["generate", `${base}/t/${teamId}/generate`],
      ["sign-in", `${base}/sign-in`],
      ["blank", blank.url],
    ] as const;
    for (const [, url] of pages.slice(0, 2)) {
      const res = await fetch(url, { headers: { cookie } }); // warm the server; and is the cookie taken?
      if (res.status !== 200 || res.redirected) throw new Error(`${url}: ${res.status}, signed in? (${res.url})`);
    }
    console.log(`\nLighthouse ${LIGHTHOUSE_VERSION}, mobile (default config), ${runs} run(s) per page, ${chromePath}`);
    console.log(
      `load average before: ${loadavg()
        .map((l) => l.toFixed(2))
        .join(" ")} on ${availableParallelism()} cores ("bench" = Lighthouse's CPU benchmark index of the run)`,
    );
    console.log("page      run  perf  a11y  best     FCP      LCP      TBT    CLS  bench  LCP element");
    const only = process.env.LIGHTHOUSE_PAGES?.split(",");
    for (const [name, url] of pages) {
      if (only && !only.includes(name)) continue;
      const results: Run[] = [];
      for (let i = 1; i <= runs; i++) {
        const r = await lighthouseRun(url, name === "sign-in" || name === "blank" ? null : cookie, `${name}-${i}`);
        results.push(r);
        console.log(
          `${name.padEnd(9)} ${String(i).padStart(3)} ${String(r.performance).padStart(5)} ${String(r.accessibility).padStart(5)} ${String(r.bestPractices).padStart(5)} ${ms(r.fcp)} ${ms(r.lcp)} ${ms(r.tbt)} ${r.cls.toFixed(3).padStart(6)} ${String(r.benchmarkIndex).padStart(6)}  ${r.lcpElement}`,
        );
      }
      const m = (pick: (r: Run) => number) => median(results.map(pick));
      console.log(
        `${name.padEnd(9)} med ${String(m((r) => r.performance)).padStart(5)} ${String(m((r) => r.accessibility)).padStart(5)} ${String(m((r) => r.bestPractices)).padStart(5)} ${ms(m((r) => r.fcp))} ${ms(m((r) => r.lcp))} ${ms(m((r) => r.tbt))} ${m(
          (r) => r.cls,
        )
          .toFixed(3)
          .padStart(6)}`,
      );
      const lowest = new Map<string, number>();
      for (const [id, score] of results.flatMap((r) => r.failing)) lowest.set(id, Math.min(score, lowest.get(id) ?? 1));
      const failing = [...lowest].map(([id, score]) => `${id} (${score})`);
      console.log(`          audits below 1 in some run: ${failing.length ? failing.join(", ") : "none"}`);
      // The machine is shared: how busy it was while this page ran, next to its figures.
      console.log(
        `          load average after ${name}: ${loadavg()
          .map((l) => l.toFixed(2))
          .join(" ")}`,
      );
    }
    if (process.env.LIGHTHOUSE_SCREENSHOTS !== "0")
      console.log(`\nScreenshots: ${(await screenshots(pages[0][1], cookie)).join(", ")}`);
  } finally {
    if (server.pid) process.kill(-server.pid, "SIGTERM");
    if (blank.server.pid) process.kill(-blank.server.pid, "SIGTERM");
  }
}

await main();
