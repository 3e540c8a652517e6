import type { JobRecord } from "../job";
import type { SimulatorCore } from "../simulator-core";

export interface RouteContext {
  core: SimulatorCore;
  request: Request;
  url: URL;
  /** One clock reading per request, so an answer never mixes two instants. */
  nowMs: number;
  /** Absolute URL of the simulator root (where /v1, /cdn and /__simulator live). */
  publicRoot: string;
}

/** A route about one job: the id from the path, and the job if it exists. */
export interface JobRouteContext extends RouteContext {
  jobId: string;
  job: JobRecord | undefined;
}

/** A /v1 route: the caller's key was accepted; `owner` is its hash (the job is one it may see). */
export interface ApiRouteContext extends JobRouteContext {
  owner: string;
}
