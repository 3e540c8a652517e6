import { createSimulator, type Simulator } from "./create-simulator";
import { simulatorOptionsFromEnv } from "./options-from-env";

export const EMBEDDED_BASE_PATH = "/api/simulator/v1";

const GLOBAL_KEY = Symbol.for("sora-studio.embedded-simulator");
type WithSimulator = typeof globalThis & { [GLOBAL_KEY]?: Simulator };

/**
 * The simulator the studio serves under /api/simulator, created on first use. It lives on
 * globalThis because Next.js dev re-evaluates modules on every edit: a module-level variable
 * would start a second instance over the same data directory. Its /__simulator control routes
 * (fault injection, stats) are off unless SIMULATOR_CONTROL=on: in the studio anyone could reach them.
 */
export function getEmbeddedSimulator(): Simulator {
  const holder = globalThis as WithSimulator;
  holder[GLOBAL_KEY] ??= createSimulator(simulatorOptionsFromEnv(EMBEDDED_BASE_PATH, process.env, false));
  return holder[GLOBAL_KEY];
}
