import { mkdtempSync, readFileSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseEnv } from "@/lib/env";
import { MissingSecretError, resolveSimulatorKey } from "@/lib/config/secrets";
import { embeddedApiKeys } from "@/lib/simulator/embedded";

// The studio's key for its embedded simulator (docs/decisions/014): generated once into the data
// folder, in production too (unlike AUTH_SECRET), since it never leaves this studio.

describe("the studio's simulator key", () => {
  it("is generated once into the data folder, private to its owner, and kept", () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), "studio-simkey-"));
    const first = resolveSimulatorKey({ configured: undefined, dataDir });
    expect(first.length).toBeGreaterThanOrEqual(32);
    const file = path.join(dataDir, "simulator-key");
    expect(readFileSync(file, "utf8").trim()).toBe(first);
    expect(statSync(file).mode & 0o077).toBe(0);
    expect(resolveSimulatorKey({ configured: undefined, dataDir })).toBe(first);
    expect(
      resolveSimulatorKey({ configured: undefined, dataDir: mkdtempSync(path.join(tmpdir(), "studio-simkey-")) }),
    ).not.toBe(first);
  });

  it("is generated in production too, where AUTH_SECRET is not", () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), "studio-simkey-"));
    const env = parseEnv({ NODE_ENV: "production", STUDIO_DATA_DIR: dataDir });
    expect(() => env.authSecret()).toThrow(MissingSecretError);
    const key = env.simulatorKey();
    expect(key).toBe(readFileSync(path.join(dataDir, "simulator-key"), "utf8").trim());
    expect(env.simulatorKey()).toBe(key);
  });

  it("takes SIMULATOR_STUDIO_KEY when set, and refuses a short one", () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), "studio-simkey-"));
    const configured = "sk-configured-studio-key-0123456789abcdef";
    expect(parseEnv({ STUDIO_DATA_DIR: dataDir, SIMULATOR_STUDIO_KEY: configured }).simulatorKey()).toBe(configured);
    expect(() => parseEnv({ STUDIO_DATA_DIR: dataDir, SIMULATOR_STUDIO_KEY: "sk-short" }).simulatorKey()).toThrow(
      /SIMULATOR_STUDIO_KEY is too short/,
    );
  });

  it("is always on the embedded simulator's allow-list, beside SIMULATOR_API_KEYS", () => {
    expect(embeddedApiKeys("studio-key", null)).toEqual(["studio-key"]);
    expect(embeddedApiKeys("studio-key", ["sk-a", "studio-key", "sk-b"])).toEqual(["studio-key", "sk-a", "sk-b"]);
  });
});
