import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { createSimulator, type Simulator } from "./create-simulator";
import { sendWebResponse, toWebRequest } from "./node-http-bridge";
import { simulatorOptionsFromEnv, standaloneAddressFromEnv } from "./options-from-env";
import type { SimulatorInit } from "./options";
import { SIMULATOR_PROFILES } from "./profile-names";

export interface StandaloneSimulator {
  /**
   * e.g. http://127.0.0.1:4010 (the default profile's API is under /v1, controls under
   * /__simulator; every profile is also at /<profile>/v1 and /<profile>/__simulator).
   */
  url: string;
  port: number;
  simulator: Simulator;
  close(): Promise<void>;
}

export type StandaloneInit = Omit<SimulatorInit, "basePath"> & { port?: number; host?: string };

/** Serves the simulator over node:http; port 0 picks a free port (what tests use). */
export async function startStandaloneSimulator(init: StandaloneInit): Promise<StandaloneSimulator> {
  const { port = 0, host = "127.0.0.1", ...options } = init;
  const simulator = createSimulator({ ...options, basePath: "/v1" });
  const server = createServer((req, res) => {
    const origin = `http://${req.headers.host ?? `${host}:${port}`}`;
    void simulator
      .handle(toWebRequest(req, res, origin))
      .then((response) => sendWebResponse(response, req, res))
      .catch((error: unknown) => {
        simulator.options.log(`simulator: could not answer ${req.method} ${req.url}: ${String(error)}`);
        res.destroy();
      });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => resolve());
  });
  const actualPort = (server.address() as AddressInfo).port;
  const urlHost = host.includes(":") ? `[${host}]` : host;
  return {
    url: `http://${urlHost}:${actualPort}`,
    port: actualPort,
    simulator,
    close: async () => {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await closed;
      await simulator.close();
    },
  };
}

async function main(): Promise<void> {
  const { port, host } = standaloneAddressFromEnv();
  const running = await startStandaloneSimulator({ ...simulatorOptionsFromEnv("/v1"), port, host });
  const { options } = running.simulator;
  console.log(
    [
      `Sora simulator (${options.profile} profile) listening on ${running.url}`,
      `  API:      ${running.url}/v1   (any key${options.apiKeys ? " from SIMULATOR_API_KEYS" : ""}; each key sees only its own jobs)`,
      ...SIMULATOR_PROFILES.map((profile) => `  ${profile.padEnd(10)}  ${running.url}/${profile}/v1`),
      `  controls: ${running.url}/__simulator/{health,stats,reset-stats,faults}`,
      `  time scale ${options.timeScale}, expiry ${options.expirySeconds}s, data in ${options.dataDir}`,
    ].join("\n"),
  );
  const stop = () => {
    void running.close().then(() => process.exit(0));
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}

// Run only as `tsx lib/simulator/standalone.ts`, not when imported by tests. (The argv check works
// whether tsx loads this file as CommonJS or as an ES module.)
if (/[\\/]standalone\.[cm]?[jt]s$/.test(process.argv[1] ?? "")) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
