import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";
// Validates the environment once, at start: a bad value fails here, not at the first request.
import "./lib/env";

// Messages are compiled at build time (next-intl's precompile: ICU text becomes a small syntax tree
// in the bundle), so the browser formats them without intl-messageformat's parser, whose first
// message also paid Chromium's slow Intl.NumberFormat.supportedLocalesOf (~200 ms on a phone's
// CPU, inside hydration; docs/decisions/130-first-load.md).
const withNextIntl = createNextIntlPlugin({
  requestConfig: "./lib/i18n/request.ts",
  experimental: { messages: { path: "./lib/i18n/messages", format: "json", locales: "infer", precompile: true } },
});

const nextConfig: NextConfig = {
  // Native or binary-carrying packages that the bundler must leave to Node.
  serverExternalPackages: [
    "better-sqlite3",
    "@prisma/adapter-better-sqlite3",
    "@prisma/adapter-pg",
    "pg",
    "pg-boss",
    "sharp",
    "@node-rs/argon2",
    "@ffmpeg-installer/ffmpeg",
    "@ffprobe-installer/ffprobe",
  ],
  poweredByHeader: false,
  // Separate build folders let several checkouts' test runs build side by side (scripts/start.ts).
  distDir: process.env.STUDIO_DIST_DIR || ".next",
  experimental: {
    // Reference images travel with the submit and fit actions (the registry allows up to 10 MB).
    serverActions: { bodySizeLimit: "12mb" },
    // proxy.ts runs on every request, and Next cuts the body it buffers for it at 10 MB by
    // default, which broke a 10 MB image's action. Above the action limit, so an action body is
    // either whole or refused by that limit, never cut short (docs/decisions/030-upload-limits.md).
    proxyClientMaxBodySize: "13mb",
    // The stylesheet (~8 KB compressed) goes inside each document instead of a render-blocking
    // request: on a slow phone network that round trip delayed first paint (Lighthouse, issue 11).
    inlineCss: true,
  },
  typedRoutes: false,
  // The app build checks app code only; `npm run typecheck` checks everything, tests included.
  typescript: { tsconfigPath: "tsconfig.build.json" },
};

export default withNextIntl(nextConfig);
