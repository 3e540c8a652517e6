import { handleRequest } from "./handle-request";
import { resolveOptions, type SimulatorInit, type SimulatorOptions } from "./options";
import { SimulatorCore } from "./simulator-core";

export interface Simulator {
  readonly options: SimulatorOptions;
  /** Answers one request; mount it anywhere that speaks web-standard Request/Response. */
  handle(request: Request): Promise<Response>;
  /** Stops renders in flight and waits for pending writes. */
  close(): Promise<void>;
}

export function createSimulator(init: SimulatorInit): Simulator {
  const core = new SimulatorCore(resolveOptions(init));
  return {
    options: core.options,
    handle: (request) => handleRequest(core, request),
    close: () => core.close(),
  };
}
