import { handleRequest } from "./handle-request";
import { resolveOptions, type SimulatorInit, type SimulatorOptions } from "./options";
import { SIMULATOR_PROFILES, type SimulatorProfileName } from "./profile-names";
import { SimulatorCore } from "./simulator-core";

export interface Simulator {
  /** The default profile's options (the one served at `basePath`). */
  readonly options: SimulatorOptions;
  /** Each profile's API base path, e.g. `{ relay: "/api/simulator/relay/v1", … }`. */
  readonly basePaths: Readonly<Record<SimulatorProfileName, string>>;
  /** Answers one request; mount it anywhere that speaks web-standard Request/Response. */
  handle(request: Request): Promise<Response>;
  /** Stops renders in flight and waits for pending writes. */
  close(): Promise<void>;
}

interface Mount {
  /** Path prefix before /v1, /cdn, /__simulator ("" at the server's root). */
  root: string;
  core: SimulatorCore;
}

/**
 * One simulator per profile, side by side over one data folder: the default profile
 * (`init.profile`, default openai) at `basePath` (e.g. /v1 or /api/simulator/v1), and every
 * profile at `<root>/<profile>/v1` (e.g. /api/simulator/relay/v1). Each profile has its own jobs
 * (a job answers only under its own profile), fault rules, stats and control routes
 * (`<root>/<profile>/__simulator/…`); keys and owner scoping are the same for all.
 */
export function createSimulator(init: SimulatorInit): Simulator {
  const defaults = resolveOptions(init);
  const root = defaults.basePath.slice(0, -"/v1".length);
  const cores = new Map<SimulatorProfileName, SimulatorCore>();
  const mounts: Mount[] = [];
  const basePaths = {} as Record<SimulatorProfileName, string>;
  for (const profile of SIMULATOR_PROFILES) {
    const options =
      profile === defaults.profile ? defaults : resolveOptions({ ...init, profile, basePath: `${root}/${profile}/v1` });
    const core = new SimulatorCore(options);
    cores.set(profile, core);
    mounts.push({ root: `${root}/${profile}`, core });
    basePaths[profile] = `${root}/${profile}/v1`;
  }
  const defaultCore = cores.get(defaults.profile);
  if (!defaultCore) throw new Error(`simulator: unknown profile '${defaults.profile}'`);
  mounts.push({ root, core: defaultCore });
  // Longest root first, so "/api/simulator/relay/…" is not taken by "/api/simulator/…".
  mounts.sort((a, b) => b.root.length - a.root.length);

  return {
    options: defaultCore.options,
    basePaths,
    handle: (request) => {
      const pathname = new URL(request.url).pathname;
      const mount = mounts.find((m) => pathname.startsWith(`${m.root}/`)) ?? { root, core: defaultCore };
      return handleRequest(mount.core, request, mount.root);
    },
    close: async () => {
      await Promise.all([...cores.values()].map((core) => core.close()));
    },
  };
}
