import { env } from "@/lib/env";
import { createSimulator, type Simulator } from "./create-simulator";
import { simulatorOptionsFromEnv } from "./options-from-env";

export const EMBEDDED_BASE_PATH = "/api/simulator/v1";

// Every profile is served side by side, one base path each (`/api/simulator/<profile>/v1`);
// EMBEDDED_BASE_PATH stays the openai profile. See docs/simulator.md.
export {
  SIMULATOR_PROFILES as EMBEDDED_PROFILES,
  embeddedProfileBasePath,
  simulatorProfileBaseUrl,
  type SimulatorProfileName,
} from "./profile-names";

const GLOBAL_KEY = Symbol.for("sora-studio.embedded-simulator");
type WithSimulator = typeof globalThis & { [GLOBAL_KEY]?: Simulator };

/**
 * The keys the embedded simulator accepts: the studio's own (generated once into the data
 * folder, see lib/config/secrets.ts) and those of SIMULATOR_API_KEYS. Never "any key": under
 * /api/simulator anyone who reaches the studio could otherwise list, download and delete every
 * team's videos (docs/decisions/014).
 */
export function embeddedApiKeys(studioKey: string, fromEnv: readonly string[] | null | undefined): string[] {
  return [studioKey, ...(fromEnv ?? []).filter((key) => key !== studioKey)];
}

/**
 * The simulator the studio serves under /api/simulator, created on first use. It lives on
 * globalThis because Next.js dev re-evaluates modules on every edit: a module-level variable
 * would start a second instance over the same data directory. Its /__simulator control routes
 * (fault injection, stats) are off unless SIMULATOR_CONTROL=on: in the studio anyone could reach them.
 */
export function getEmbeddedSimulator(): Simulator {
  const holder = globalThis as WithSimulator;
  if (!holder[GLOBAL_KEY]) {
    // /api/simulator/v1 is the SIMULATOR_PROFILE (default openai); every profile is also at
    // /api/simulator/<profile>/v1.
    const options = simulatorOptionsFromEnv(EMBEDDED_BASE_PATH, process.env, false);
    holder[GLOBAL_KEY] = createSimulator({ ...options, apiKeys: embeddedApiKeys(env.simulatorKey(), options.apiKeys) });
  }
  return holder[GLOBAL_KEY];
}
