import path from "node:path";
import { FaultSyntaxError, parseFaultRules, type FaultRule } from "./faults";
import type { SimulatorInit } from "./options";
import { SIMULATOR_PROFILES, type SimulatorProfileName } from "./profile-names";

// The only reader of process.env for the simulator. Bad values throw at start, with the name of
// the variable, rather than surfacing later as odd behaviour.

type Env = Record<string, string | undefined>;

function number<F extends number | undefined>(
  env: Env,
  name: string,
  fallback: F,
  check: (n: number) => boolean,
  expectation: string,
): number | F {
  const raw = env[name]?.trim();
  if (raw === undefined || raw === "") return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || !check(value)) throw new Error(`${name} must be ${expectation}, got '${raw}'`);
  return value;
}

function flag(env: Env, name: string, fallback: boolean): boolean {
  const raw = env[name]?.trim().toLowerCase();
  if (raw === undefined || raw === "") return fallback;
  if (["1", "true", "on", "yes"].includes(raw)) return true;
  if (["0", "false", "off", "no"].includes(raw)) return false;
  throw new Error(`${name} must be on or off, got '${raw}'`);
}

function faults(env: Env): FaultRule[] {
  try {
    return parseFaultRules(env.SIMULATOR_FAULTS ?? "", "instance");
  } catch (error) {
    if (error instanceof FaultSyntaxError) throw new Error(`SIMULATOR_FAULTS: '${error.token}': ${error.message}`);
    throw error;
  }
}

export function defaultSimulatorDataDir(env: Env = process.env): string {
  return path.resolve(
    env.SIMULATOR_DATA_DIR?.trim() || path.join(env.STUDIO_DATA_DIR?.trim() || "./data", "simulator"),
  );
}

/**
 * SIMULATOR_TIME_SCALE, SIMULATOR_EXPIRY_SECONDS, SIMULATOR_DATA_DIR (default
 * <STUDIO_DATA_DIR or ./data>/simulator), SIMULATOR_API_KEYS, SIMULATOR_FAULTS,
 * SIMULATOR_PROFILE, SIMULATOR_CONTROL, SIMULATOR_FFMPEG_PATH.
 */
export function simulatorOptionsFromEnv(
  basePath: string,
  env: Env = process.env,
  controlDefault = true,
): SimulatorInit {
  const profile = (env.SIMULATOR_PROFILE?.trim() || "openai") as SimulatorProfileName;
  if (!SIMULATOR_PROFILES.includes(profile)) {
    throw new Error(`SIMULATOR_PROFILE must be one of ${SIMULATOR_PROFILES.join(", ")}, got '${profile}'`);
  }
  const apiKeys = (env.SIMULATOR_API_KEYS ?? "")
    .split(",")
    .map((key) => key.trim())
    .filter(Boolean);
  return {
    dataDir: defaultSimulatorDataDir(env),
    basePath,
    timeScale: number(
      env,
      "SIMULATOR_TIME_SCALE",
      1,
      (n) => n >= 0,
      "a number >= 0 (1 = real time, 0.01 = 100x faster)",
    ),
    // Unset: each profile keeps videos as long as its channel does (1 day; relay 7 days).
    expirySeconds: number(
      env,
      "SIMULATOR_EXPIRY_SECONDS",
      undefined,
      (n) => n >= 0 && Number.isInteger(n),
      "a whole number of seconds >= 0",
    ),
    apiKeys: apiKeys.length > 0 ? apiKeys : null,
    faults: faults(env),
    profile,
    controlRoutes: flag(env, "SIMULATOR_CONTROL", controlDefault),
    ffmpegPath: env.SIMULATOR_FFMPEG_PATH?.trim() || null,
  };
}

/** PORT (default 4010) and SIMULATOR_HOST (default 127.0.0.1) of `npm run simulator`. */
export function standaloneAddressFromEnv(env: Env = process.env): { port: number; host: string } {
  return {
    port: number(env, "PORT", 4010, (n) => Number.isInteger(n) && n >= 0 && n < 65536, "a TCP port number"),
    host: env.SIMULATOR_HOST?.trim() || "127.0.0.1",
  };
}
