import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseEnv } from "@/lib/env";
import { MissingSecretError, resolveAuthSecret } from "@/lib/config/secrets";
import { safeCallbackPath } from "@/lib/auth/safe-callback";
import { roleAtLeast, toRole } from "@/lib/teams/roles";

describe("parseEnv", () => {
  it("defaults to SQLite in the data folder", () => {
    const env = parseEnv({ STUDIO_DATA_DIR: "/srv/studio" });
    expect(env.databaseUrl).toBe("file:/srv/studio/studio.db");
    expect(env.databaseProvider).toBe("sqlite");
    expect(env.storageDir).toBe("/srv/studio/media");
    expect(env.github).toBeUndefined();
  });

  it("picks PostgreSQL from DATABASE_URL and switches OAuth providers on only with both variables", () => {
    const env = parseEnv({
      DATABASE_URL: "postgresql://u:p@127.0.0.1/db",
      AUTH_GITHUB_ID: "id",
      AUTH_GITHUB_SECRET: "s",
      AUTH_GOOGLE_ID: "only-id",
    });
    expect(env.databaseProvider).toBe("postgresql");
    expect(env.github).toEqual({ clientId: "id", clientSecret: "s" });
    expect(env.google).toBeUndefined();
  });

  it("rejects a bad value with a message naming the variable", () => {
    expect(() => parseEnv({ DATABASE_URL: "mysql://x" })).toThrow(/DATABASE_URL must start with file:/);
    expect(() => parseEnv({ SIGNIN_MAX_FAILURES: "0" })).toThrow(/SIGNIN_MAX_FAILURES/);
  });
});

describe("resolveAuthSecret", () => {
  it("generates a secret once and keeps it in the data folder", () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), "studio-secret-"));
    const first = resolveAuthSecret({ configured: undefined, dataDir, production: false });
    expect(first.length).toBeGreaterThanOrEqual(32);
    expect(readFileSync(path.join(dataDir, "auth-secret"), "utf8").trim()).toBe(first);
    expect(resolveAuthSecret({ configured: undefined, dataDir, production: false })).toBe(first);
  });

  it("refuses a production start without a configured secret, and a short secret anywhere", () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), "studio-secret-"));
    expect(() => resolveAuthSecret({ configured: undefined, dataDir, production: true })).toThrow(MissingSecretError);
    expect(() => resolveAuthSecret({ configured: undefined, dataDir, production: true })).toThrow(
      /AUTH_SECRET is not set/,
    );
    expect(() => resolveAuthSecret({ configured: "short", dataDir, production: false })).toThrow(/too short/);
    const configured = "x".repeat(40);
    expect(resolveAuthSecret({ configured, dataDir, production: true })).toBe(configured);
  });
});

describe("safeCallbackPath", () => {
  it.each([
    ["/t/abc/gallery?x=1", "/t/abc/gallery?x=1"],
    ["//evil.example", "/"],
    ["/\\evil.example", "/"],
    ["https://evil.example", "/"],
    [null, "/"],
  ])("%s → %s", (input, expected) => {
    expect(safeCallbackPath(input)).toBe(expected);
  });
});

describe("roles", () => {
  it("orders owner > admin > member and rejects unknown roles", () => {
    expect(roleAtLeast("OWNER", "ADMIN")).toBe(true);
    expect(roleAtLeast("ADMIN", "ADMIN")).toBe(true);
    expect(roleAtLeast("MEMBER", "ADMIN")).toBe(false);
    expect(() => toRole("ROOT")).toThrow(/Unknown role/);
  });
});
