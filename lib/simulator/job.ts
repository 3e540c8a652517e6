import type { FaultRule, ResultShape, StatusStyle } from "./faults";
import type { SimulatorProfileName } from "./profile-names";

export type { SimulatorProfileName } from "./profile-names";

export type JobOutcome =
  | { kind: "complete" }
  | { kind: "fail"; code: string; message: string; atProgress: number }
  | { kind: "stall"; atProgress: number };

/** Real-time plan, already multiplied by the time scale in force when the job was created. */
export interface JobPlan {
  queueMs: number;
  renderMs: number;
  outcome: JobOutcome;
  expirySeconds: number;
  /**
   * Real ms after completion during which /content answers 400 (the relays' "not ready yet"
   * delay, already time-scaled). Absent: none. A `content400` rule replaces it.
   */
  contentDelayMs?: number;
  /** How a relay presents the job (from `result:` / `statuses:` rules); absent = the profile's default. */
  presentation?: { result: ResultShape | null; statuses: StatusStyle | null };
}

/** What a job's media is made from; identical inputs give identical bytes. */
export interface RenderInput {
  width: number;
  height: number;
  seconds: number;
  model: string;
  visiblePrompt: string;
  /** File name (under dataDir/references) of the normalised PNG reference image. */
  referenceFile: string | null;
  remixedFromVideoId: string | null;
  /** Frames per second; absent = the default 8 (4k renders use fewer, docs/simulator.md). */
  fps?: number;
  /** Normalised PNG of the last frame (Veo's first/last-frame models), or absent. */
  lastFrameFile?: string | null;
}

/** One job as persisted in dataDir/jobs/<id>.json. */
export interface JobRecord {
  version: 1;
  id: string;
  profile: SimulatorProfileName;
  /**
   * SHA-256 (hex) of the API key that created the job; only that key sees it. null for files
   * written before jobs had owners: those stay visible to every accepted key.
   */
  owner: string | null;
  /** Creation order, to sort jobs created in the same millisecond. */
  seq: number;
  createdMs: number;
  model: string;
  /** The size as the API reports it, e.g. "720x1280". */
  size: string;
  /** The duration as the API reports it, e.g. "8". */
  seconds: string;
  prompt: string;
  remixedFromVideoId: string | null;
  render: RenderInput;
  plan: JobPlan;
  /** HTTP-level prompt markers with their remaining counts. */
  faults: FaultRule[];
  /** The token of the job's unauthenticated signed link (profile `relay`). */
  linkToken?: string;
  /** What the profile keeps with the job (NewJobRequest.extra). */
  extra?: Record<string, unknown>;
}
