// The simulator's profiles (one per provider dialect) and where each is served. Pure constants, so
// the studio's provider adapters (lib/upstream) can point a connection at a profile without
// importing the simulator itself.

export const SIMULATOR_PROFILES = ["openai", "yi-reverse", "relay", "veo", "openrouter"] as const;
export type SimulatorProfileName = (typeof SIMULATOR_PROFILES)[number];

export function isSimulatorProfileName(value: string): value is SimulatorProfileName {
  return (SIMULATOR_PROFILES as readonly string[]).includes(value);
}

/** Where the studio mounts its simulator (app/api/simulator/[...path]/route.ts). */
export const EMBEDDED_ROOT = "/api/simulator";

/**
 * The base path (ending in /v1) of one profile in the studio's embedded simulator, e.g.
 * `/api/simulator/relay/v1`. `/api/simulator/v1` (no profile) stays the `openai` profile.
 */
export function embeddedProfileBasePath(profile: SimulatorProfileName): string {
  return `${EMBEDDED_ROOT}/${profile}/v1`;
}

/**
 * The base URL of one profile beside a simulator's default base URL (its `/v1`): works for the
 * embedded simulator (`http://host/api/simulator/v1` → `http://host/api/simulator/relay/v1`)
 * and for a standalone one (`http://127.0.0.1:4010/v1` → `http://127.0.0.1:4010/relay/v1`),
 * which serves every profile side by side too.
 */
export function simulatorProfileBaseUrl(defaultBaseUrl: string, profile: SimulatorProfileName): string {
  const trimmed = defaultBaseUrl.replace(/\/+$/, "");
  if (!trimmed.endsWith("/v1")) throw new Error(`simulator base URL must end with /v1, got '${defaultBaseUrl}'`);
  return `${trimmed.slice(0, -"/v1".length)}/${profile}/v1`;
}

/** How long each profile keeps a finished video downloadable unless SIMULATOR_EXPIRY_SECONDS says otherwise. */
export const PROFILE_RETENTION_SECONDS: Record<SimulatorProfileName, number> = {
  openai: 86_400,
  "yi-reverse": 86_400,
  // LaoZhang Muse keeps links 7 days.
  relay: 7 * 86_400,
  // CHOICE: API易 keeps results 1 day; Veo's own retention is undocumented.
  veo: 86_400,
  // CHOICE: OpenRouter does not publish how long results stay; a day, like the others.
  openrouter: 86_400,
};
