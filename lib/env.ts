import { z } from "zod";
import { resolveAuthSecret, resolveSecret, resolveSimulatorKey } from "./config/secrets";
import { defaultDatabaseUrl, resolveDataDir } from "./config/data-dir";
import { CRASH_POINTS, type CrashPoint } from "./config/crash-points";
import { resolveStorage, type StorageSettings } from "./config/storage";

// The only reader of process.env for the studio (the simulator's own knobs are parsed in
// lib/simulator/options-from-env.ts). Imported by next.config.ts, so a bad value fails at start.
const optionalText = z
  .string()
  .trim()
  .optional()
  .transform((v) => (v ? v : undefined));

const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  NEXT_PHASE: optionalText,
  STUDIO_DATA_DIR: optionalText,
  DATABASE_URL: optionalText.refine((v) => !v || /^(file:|postgres(ql)?:\/\/)/.test(v), {
    message: "DATABASE_URL must start with file: (SQLite) or postgresql:// (PostgreSQL)",
  }),
  AUTH_SECRET: optionalText,
  AUTH_URL: optionalText.pipe(z.url().optional()),
  AUTH_GITHUB_ID: optionalText,
  AUTH_GITHUB_SECRET: optionalText,
  AUTH_GOOGLE_ID: optionalText,
  AUTH_GOOGLE_SECRET: optionalText,
  STORAGE_DIR: optionalText,
  MEDIA_ACCEL_REDIRECT_PREFIX: optionalText.refine((v) => !v || /^\/[^?#\s]*$/.test(v), {
    message: "MEDIA_ACCEL_REDIRECT_PREFIX must be a path starting with / (an nginx internal location)",
  }),
  STORAGE_BACKEND: z.enum(["local", "s3"]).default("local"),
  S3_ENDPOINT: optionalText.pipe(z.url().optional()),
  S3_PUBLIC_ENDPOINT: optionalText.pipe(z.url().optional()),
  S3_REGION: optionalText,
  S3_BUCKET: optionalText,
  S3_ACCESS_KEY_ID: optionalText,
  S3_SECRET_ACCESS_KEY: optionalText,
  S3_FORCE_PATH_STYLE: optionalText.pipe(z.enum(["true", "false"]).optional()),
  S3_CHECKSUMS: optionalText.pipe(z.enum(["when_required", "when_supported"]).optional()),
  S3_KEY_PREFIX: optionalText,
  S3_MEDIA_DELIVERY: z.enum(["redirect", "stream"]).default("redirect"),
  S3_PRESIGN_SECONDS: z.coerce.number().int().min(2).max(604_800).default(600),
  PROVIDER_KEY_SECRET: optionalText,
  PORT: z.coerce.number().int().min(1).max(65_535).default(3000),
  STUDIO_INTERNAL_URL: optionalText.pipe(z.url().optional()),
  SIMULATOR_BASE_URL: optionalText.pipe(z.url().optional()),
  SIMULATOR_STUDIO_KEY: optionalText,
  CRON_SECRET: optionalText,
  STUDIO_SWEEP: z.enum(["on", "off"]).default("on"),
  // The background engine (docs/decisions/111): pg-boss on PostgreSQL, the in-process sweep on SQLite.
  STUDIO_ENGINE: z.enum(["auto", "sweep", "pg-boss"]).default("auto"),
  STUDIO_POLL_SCALE: z.coerce.number().positive().max(100).default(1),
  STUDIO_POLL_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(8),
  STUDIO_ARCHIVE_CONCURRENCY: z.coerce.number().int().min(1).max(16).default(8),
  STUDIO_DIST_DIR: optionalText,
  PROVIDER_CREATE_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(60_000),
  SIGNIN_MAX_FAILURES: z.coerce.number().int().min(1).max(1000).default(5),
  SIGNIN_LOCK_SECONDS: z.coerce.number().int().min(1).max(86_400).default(900),
  STUDIO_CRASH_AT: optionalText.pipe(z.enum(CRASH_POINTS).optional()),
  STUDIO_WEBHOOK_PRIVATE_TARGETS: optionalText.pipe(z.enum(["allow", "refuse"]).optional()),
});

export type StudioEnv = {
  nodeEnv: "development" | "production" | "test";
  production: boolean;
  dataDir: string;
  databaseUrl: string;
  databaseProvider: "sqlite" | "postgresql";
  storageDir: string;
  /** Local folder (default) or an S3-compatible bucket: lib/config/storage.ts, decision 100. */
  storage: StorageSettings;
  /** Behind nginx: stored media are answered with X-Accel-Redirect to this internal location. */
  mediaAccelRedirectPrefix: string | undefined;
  authUrl: string | undefined;
  github: { clientId: string; clientSecret: string } | undefined;
  google: { clientId: string; clientSecret: string } | undefined;
  signIn: { maxFailures: number; lockSeconds: number };
  /** Resolved lazily: a build must not need (or generate) the secret. */
  authSecret: () => string;
  /** Key for AES-256-GCM encryption of teams' provider keys; resolved like the auth secret. */
  providerKeySecret: () => string;
  /** Base URL of the built-in simulator's /v1 (embedded in this studio unless SIMULATOR_BASE_URL). */
  simulatorBaseUrl: string;
  /**
   * The studio's key for its simulator (generated once into the data folder, in production
   * too); the embedded simulator accepts no other key except SIMULATOR_API_KEYS.
   */
  simulatorKey: () => string;
  cronSecret: string | undefined;
  sweepEnabled: boolean;
  /** Who runs background work: "pg-boss" (PostgreSQL only) or "sweep". */
  engine: "sweep" | "pg-boss";
  /** Multiplies every poll and retry interval (tests: 0.2 = five times as often). */
  pollScale: number;
  /** The engine's bounds: provider polls and archives in flight at once, per process. */
  pollConcurrency: number;
  archiveConcurrency: number;
  /** How long a create may take before its outcome counts as unknown (then it is reconciled). */
  createTimeoutMs: number;
  /** Test hook: the process kills itself (SIGKILL) when it reaches this point of a submit or archive. */
  crashAt: CrashPoint | undefined;
  /**
   * May notification endpoints point at this machine or a private network? Default: yes in
   * development and test, no in production; STUDIO_WEBHOOK_PRIVATE_TARGETS=allow|refuse decides
   * otherwise (the browser tests' production build sends to a receiver on 127.0.0.1). Decision 042.
   */
  webhookPrivateTargets: boolean;
};

export function parseEnv(source: Record<string, string | undefined>): StudioEnv {
  const parsed = schema.safeParse(source);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  - ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid environment configuration:\n${lines.join("\n")}\nSee .env.example for every variable.`);
  }
  const e = parsed.data;
  const dataDir = resolveDataDir(e.STUDIO_DATA_DIR);
  const storageDir = e.STORAGE_DIR ? resolveDataDir(e.STORAGE_DIR) : `${dataDir}/media`;
  let storage: StorageSettings;
  try {
    storage = resolveStorage(e, storageDir);
  } catch (error) {
    throw new Error(`Invalid environment configuration:\n  - ${(error as Error).message}\nSee docs/deploy.md.`);
  }
  const databaseUrl = e.DATABASE_URL ?? defaultDatabaseUrl(dataDir);
  const production = e.NODE_ENV === "production";
  let secret: string | undefined;
  let keySecret: string | undefined;
  let simulatorKey: string | undefined;
  const internalUrl = (e.STUDIO_INTERNAL_URL ?? `http://127.0.0.1:${e.PORT}`).replace(/\/$/, "");
  return {
    nodeEnv: e.NODE_ENV,
    production,
    dataDir,
    databaseUrl,
    databaseProvider: databaseUrl.startsWith("file:") ? "sqlite" : "postgresql",
    storageDir,
    storage,
    mediaAccelRedirectPrefix: e.MEDIA_ACCEL_REDIRECT_PREFIX,
    authUrl: e.AUTH_URL,
    github:
      e.AUTH_GITHUB_ID && e.AUTH_GITHUB_SECRET
        ? { clientId: e.AUTH_GITHUB_ID, clientSecret: e.AUTH_GITHUB_SECRET }
        : undefined,
    google:
      e.AUTH_GOOGLE_ID && e.AUTH_GOOGLE_SECRET
        ? { clientId: e.AUTH_GOOGLE_ID, clientSecret: e.AUTH_GOOGLE_SECRET }
        : undefined,
    signIn: { maxFailures: e.SIGNIN_MAX_FAILURES, lockSeconds: e.SIGNIN_LOCK_SECONDS },
    authSecret: () => (secret ??= resolveAuthSecret({ configured: e.AUTH_SECRET, dataDir, production })),
    providerKeySecret: () =>
      (keySecret ??= resolveSecret({
        variable: "PROVIDER_KEY_SECRET",
        file: "provider-key-secret",
        configured: e.PROVIDER_KEY_SECRET,
        dataDir,
        production,
      })),
    simulatorBaseUrl: e.SIMULATOR_BASE_URL ?? `${internalUrl}/api/simulator/v1`,
    simulatorKey: () => (simulatorKey ??= resolveSimulatorKey({ configured: e.SIMULATOR_STUDIO_KEY, dataDir })),
    cronSecret: e.CRON_SECRET,
    sweepEnabled: e.STUDIO_SWEEP === "on",
    engine: engineOf(e.STUDIO_ENGINE, databaseUrl),
    pollScale: e.STUDIO_POLL_SCALE,
    pollConcurrency: e.STUDIO_POLL_CONCURRENCY,
    archiveConcurrency: e.STUDIO_ARCHIVE_CONCURRENCY,
    createTimeoutMs: e.PROVIDER_CREATE_TIMEOUT_MS,
    crashAt: e.STUDIO_CRASH_AT,
    webhookPrivateTargets: e.STUDIO_WEBHOOK_PRIVATE_TARGETS
      ? e.STUDIO_WEBHOOK_PRIVATE_TARGETS === "allow"
      : !production,
  };
}

export const env: StudioEnv = parseEnv(process.env);

function engineOf(setting: "auto" | "sweep" | "pg-boss", databaseUrl: string): "sweep" | "pg-boss" {
  const postgres = !databaseUrl.startsWith("file:");
  if (setting === "pg-boss" && !postgres)
    throw new Error(
      "Invalid environment configuration:\n  - STUDIO_ENGINE: pg-boss needs PostgreSQL (DATABASE_URL=postgresql://…); on SQLite the in-process sweep runs background work.",
    );
  if (setting === "auto") return postgres ? "pg-boss" : "sweep";
  return setting;
}
