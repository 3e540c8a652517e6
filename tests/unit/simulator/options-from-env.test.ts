import path from "node:path";
import { describe, expect, it } from "vitest";
import { formatFaultRule } from "@/lib/simulator/faults";
import { resolveOptions } from "@/lib/simulator/options";
import { simulatorOptionsFromEnv, standaloneAddressFromEnv } from "@/lib/simulator/options-from-env";

describe("simulatorOptionsFromEnv", () => {
  it("has working defaults", () => {
    const options = simulatorOptionsFromEnv("/api/simulator/v1", {});
    expect(options).toMatchObject({
      basePath: "/api/simulator/v1",
      timeScale: 1,
      apiKeys: null,
      profile: "openai",
      controlRoutes: true,
      ffmpegPath: null,
    });
    expect(options.dataDir).toBe(path.resolve("data/simulator"));
    expect(options.faults).toEqual([]);
    // Unset: each profile keeps its channel's retention (1 day; relay 7 days).
    expect(options.expirySeconds).toBeUndefined();
    expect(resolveOptions({ dataDir: "/d" }).expirySeconds).toBe(86400);
    expect(resolveOptions({ dataDir: "/d", profile: "relay" }).expirySeconds).toBe(7 * 86400);
    expect(resolveOptions({ dataDir: "/d", profile: "relay", expirySeconds: 5 }).expirySeconds).toBe(5);
  });

  it("keeps the control routes off where the caller says so (the studio's embedded mount), unless SIMULATOR_CONTROL=on", () => {
    expect(simulatorOptionsFromEnv("/api/simulator/v1", {}, false).controlRoutes).toBe(false);
    expect(simulatorOptionsFromEnv("/api/simulator/v1", { SIMULATOR_CONTROL: "on" }, false).controlRoutes).toBe(true);
  });

  it("reads every variable", () => {
    const options = simulatorOptionsFromEnv("/v1", {
      STUDIO_DATA_DIR: "/srv/studio",
      SIMULATOR_TIME_SCALE: "0.01",
      SIMULATOR_EXPIRY_SECONDS: "60",
      SIMULATOR_API_KEYS: " sk-a, sk-b ,",
      SIMULATOR_FAULTS: "429@create*2, slow:10",
      SIMULATOR_PROFILE: "yi-reverse",
      SIMULATOR_CONTROL: "off",
      SIMULATOR_FFMPEG_PATH: "/usr/bin/ffmpeg",
    });
    expect(options).toMatchObject({
      dataDir: "/srv/studio/simulator",
      timeScale: 0.01,
      expirySeconds: 60,
      apiKeys: ["sk-a", "sk-b"],
      profile: "yi-reverse",
      controlRoutes: false,
      ffmpegPath: "/usr/bin/ffmpeg",
    });
    expect(Array.isArray(options.faults) && options.faults.map(formatFaultRule)).toEqual(["429@create*2", "slow:10"]);
    expect(simulatorOptionsFromEnv("/v1", { SIMULATOR_DATA_DIR: "/x/y", STUDIO_DATA_DIR: "/srv" }).dataDir).toBe(
      "/x/y",
    );
  });

  it.each([
    [{ SIMULATOR_TIME_SCALE: "fast" }, /SIMULATOR_TIME_SCALE/],
    [{ SIMULATOR_TIME_SCALE: "-1" }, /SIMULATOR_TIME_SCALE/],
    [{ SIMULATOR_EXPIRY_SECONDS: "1.5" }, /SIMULATOR_EXPIRY_SECONDS/],
    [{ SIMULATOR_PROFILE: "sora-app" }, /SIMULATOR_PROFILE/],
    [{ SIMULATOR_FAULTS: "429@moon" }, /SIMULATOR_FAULTS: '429@moon'/],
    [{ SIMULATOR_CONTROL: "maybe" }, /SIMULATOR_CONTROL/],
  ])("rejects %o", (env, message) => {
    expect(() => simulatorOptionsFromEnv("/v1", env)).toThrow(message);
  });

  it("reads the standalone address", () => {
    expect(standaloneAddressFromEnv({})).toEqual({ port: 4010, host: "127.0.0.1" });
    expect(standaloneAddressFromEnv({ PORT: "5000", SIMULATOR_HOST: "0.0.0.0" })).toEqual({
      port: 5000,
      host: "0.0.0.0",
    });
    expect(() => standaloneAddressFromEnv({ PORT: "70000" })).toThrow(/PORT/);
  });
});

describe("resolveOptions", () => {
  it("normalises and checks", () => {
    const options = resolveOptions({ dataDir: "/d", basePath: "/api/simulator/v1/", faults: "drop*1", apiKeys: [] });
    expect(options.basePath).toBe("/api/simulator/v1");
    expect(options.apiKeys).toBeNull();
    expect(options.faults.map(formatFaultRule)).toEqual(["drop*1"]);
    expect(() => resolveOptions({ dataDir: "/d", basePath: "/api" })).toThrow(/\/v1/);
    expect(() => resolveOptions({ dataDir: "/d", timeScale: Number.NaN })).toThrow(/timeScale/);
  });
});
