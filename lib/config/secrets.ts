import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

export class MissingSecretError extends Error {}

type SecretSpec = {
  variable: string;
  file: string;
  configured: string | undefined;
  dataDir: string;
  production: boolean;
};

/**
 * A configured secret when set; otherwise, outside production, one generated once and kept in
 * the data folder so it survives restarts. A production start must configure its own: a
 * generated one would silently differ between machines behind a load balancer.
 */
export function resolveSecret(spec: SecretSpec): string {
  if (spec.configured && spec.configured.length >= 32) return spec.configured;
  if (spec.configured) {
    throw new MissingSecretError(
      `${spec.variable} is too short: use at least 32 characters (for example: openssl rand -base64 32).`,
    );
  }
  if (spec.production) {
    throw new MissingSecretError(
      `${spec.variable} is not set. A production start needs a configured secret: set ${spec.variable} to at least 32 random characters (for example: openssl rand -base64 32).`,
    );
  }
  const file = path.join(spec.dataDir, spec.file);
  if (existsSync(file)) {
    const saved = readFileSync(file, "utf8").trim();
    if (saved.length >= 32) return saved;
  }
  mkdirSync(spec.dataDir, { recursive: true });
  const secret = randomBytes(32).toString("base64url");
  // "wx" fails if another process won the race; then read what it wrote.
  try {
    writeFileSync(file, `${secret}\n`, { flag: "wx", mode: 0o600 });
    return secret;
  } catch {
    return readFileSync(file, "utf8").trim();
  }
}

export function resolveAuthSecret(opts: {
  configured: string | undefined;
  dataDir: string;
  production: boolean;
}): string {
  return resolveSecret({ variable: "AUTH_SECRET", file: "auth-secret", ...opts });
}

/**
 * The key the studio sends to its simulator, and (with SIMULATOR_API_KEYS) the only key the
 * embedded simulator accepts. Unlike the secrets above it is generated in production too: it
 * only travels between the studio and its own embedded simulator, whose jobs live in the same
 * data folder, so instances that share that folder share the key (docs/decisions/014).
 */
export function resolveSimulatorKey(opts: { configured: string | undefined; dataDir: string }): string {
  return resolveSecret({ variable: "SIMULATOR_STUDIO_KEY", file: "simulator-key", ...opts, production: false });
}
