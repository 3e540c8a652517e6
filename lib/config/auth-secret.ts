import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

export class MissingSecretError extends Error {}

/**
 * AUTH_SECRET when configured; otherwise, outside production, a secret generated once and kept in
 * the data folder so sessions survive restarts. A production start must configure its own secret:
 * a generated one would silently differ between machines behind a load balancer.
 */
export function resolveAuthSecret(opts: { configured: string | undefined; dataDir: string; production: boolean }): string {
  if (opts.configured && opts.configured.length >= 32) return opts.configured;
  if (opts.configured) {
    throw new MissingSecretError("AUTH_SECRET is too short: use at least 32 characters (for example: openssl rand -base64 32).");
  }
  if (opts.production) {
    throw new MissingSecretError(
      "AUTH_SECRET is not set. A production start needs a configured secret: set AUTH_SECRET to at least 32 random characters (for example: openssl rand -base64 32).",
    );
  }
  const file = path.join(opts.dataDir, "auth-secret");
  if (existsSync(file)) {
    const saved = readFileSync(file, "utf8").trim();
    if (saved.length >= 32) return saved;
  }
  mkdirSync(opts.dataDir, { recursive: true });
  const secret = randomBytes(32).toString("base64url");
  // "wx" fails if another process won the race; then read what it wrote.
  try {
    writeFileSync(file, `${secret}\n`, { flag: "wx", mode: 0o600 });
    return secret;
  } catch {
    return readFileSync(file, "utf8").trim();
  }
}
