import { parseFaultRules, type FaultRule } from "./faults";
import { PROFILE_RETENTION_SECONDS, SIMULATOR_PROFILES, type SimulatorProfileName } from "./profile-names";

export { SIMULATOR_PROFILES } from "./profile-names";

export interface SimulatorOptions {
  /** Where jobs (jobs/), reference images (references/) and rendered media (media/) live. */
  dataDir: string;
  /**
   * Path prefix of the default profile's API: "/v1" standalone, "/api/simulator/v1" embedded in
   * the studio. Every profile is also served at "<root>/<profile>/v1" beside it.
   */
  basePath: string;
  /** Multiplies every planned job duration; 0.01 makes jobs 100 times faster. */
  timeScale: number;
  /**
   * How long after completion the content stays downloadable. CHOICE: real seconds, not scaled
   * (like `content400:N`): they are compared with the wall-clock timestamps clients receive.
   * Unset: each profile's own retention (PROFILE_RETENTION_SECONDS).
   */
  expirySeconds: number;
  /** Whether expirySeconds was given (otherwise each profile uses its own retention). */
  expiryConfigured: boolean;
  /**
   * Length in real seconds of the window of per-key create limits (yi-reverse: 10 a minute).
   * null: 60 s × timeScale, so limits follow the simulator's clock.
   */
  rateWindowSeconds: number | null;
  /** Keys that are accepted; null accepts any non-empty key not containing "invalid". */
  apiKeys: readonly string[] | null;
  /** Instance fault rules in force at start. */
  faults: FaultRule[];
  profile: SimulatorProfileName;
  /** Whether /__simulator/* (stats, faults) answers; the API itself is unaffected. */
  controlRoutes: boolean;
  ffmpegPath: string | null;
  /** Wall clock in ms; injectable so the lifecycle can be tested without waiting. */
  now: () => number;
  log: (message: string) => void;
}

export type SimulatorInit = Partial<Omit<SimulatorOptions, "faults" | "expiryConfigured">> & {
  dataDir: string;
  /** Rules, or a rule string such as "429@create*2, slow:1500@retrieve". */
  faults?: string | FaultRule[];
};

export const DEFAULT_EXPIRY_SECONDS = 86_400;

export function resolveOptions(init: SimulatorInit): SimulatorOptions {
  const timeScale = init.timeScale ?? 1;
  if (!Number.isFinite(timeScale) || timeScale < 0)
    throw new Error(`simulator: timeScale must be a number >= 0, got ${timeScale}`);
  const profile = init.profile ?? "openai";
  if (!SIMULATOR_PROFILES.includes(profile)) throw new Error(`simulator: unknown profile '${profile}'`);
  const expirySeconds = init.expirySeconds ?? PROFILE_RETENTION_SECONDS[profile] ?? DEFAULT_EXPIRY_SECONDS;
  if (!Number.isFinite(expirySeconds) || expirySeconds < 0)
    throw new Error(`simulator: expirySeconds must be >= 0, got ${expirySeconds}`);
  const rateWindowSeconds = init.rateWindowSeconds ?? null;
  if (rateWindowSeconds !== null && (!Number.isFinite(rateWindowSeconds) || rateWindowSeconds <= 0))
    throw new Error(`simulator: rateWindowSeconds must be > 0, got ${rateWindowSeconds}`);
  const basePath = (init.basePath ?? "/v1").replace(/\/+$/, "");
  if (!basePath.endsWith("/v1")) throw new Error(`simulator: basePath must end with /v1, got '${basePath}'`);
  const faults = typeof init.faults === "string" ? parseFaultRules(init.faults, "instance") : [...(init.faults ?? [])];
  const apiKeys =
    init.apiKeys === undefined || init.apiKeys === null || init.apiKeys.length === 0 ? null : init.apiKeys;
  return {
    dataDir: init.dataDir,
    basePath,
    timeScale,
    expirySeconds,
    expiryConfigured: init.expirySeconds !== undefined && init.expirySeconds !== null,
    rateWindowSeconds,
    apiKeys,
    faults,
    profile,
    controlRoutes: init.controlRoutes ?? true,
    ffmpegPath: init.ffmpegPath ?? null,
    now: init.now ?? Date.now,
    log: init.log ?? ((message) => console.warn(message)),
  };
}
