import type { JobRecord, SimulatorProfileName } from "../job";
import type { JobState } from "../job-clock";
import type { ParsedBody } from "../read-body";
import type { ReferenceUpload } from "../reference-image";

/** A validated create request, ready to become a job. */
export interface NewJobRequest {
  model: string;
  size: string;
  seconds: string;
  width: number;
  height: number;
  durationSeconds: number;
  prompt: string;
  reference: ReferenceUpload | null;
}

export interface PresentContext {
  /** Absolute URL of the simulator's root (where /v1 and /cdn live), for `url` fields. */
  publicRoot: string;
}

/** What differs between the upstream channels the simulator can imitate. */
export interface SimulatorProfile {
  readonly name: SimulatorProfileName;
  /** Whether list, delete and remix exist on this channel. */
  readonly fullApi: boolean;
  /** Whether completed videos are also served without auth under /cdn (for `url` fields). */
  readonly servesCdn: boolean;
  /** Largest prompt, used only for documentation and tests. */
  readonly maxPromptLength: number;
  validateCreate(body: ParsedBody): Promise<NewJobRequest>;
  /** The job as this channel's API answers it. */
  present(job: JobRecord, state: JobState, context: PresentContext): Record<string, unknown>;
}
