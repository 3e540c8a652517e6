import type { SimulatorHttpError } from "../errors";
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
  /** A last-frame image (Veo's `-fl` models), cropped to the output size. */
  lastFrame?: ReferenceUpload | null;
  /** Frames per second of the render; absent = 8. */
  fps?: number;
}

export interface PresentContext {
  /** Absolute URL of the profile's root (where its /v1, /cdn and /__simulator live), for `url` fields. */
  publicRoot: string;
}

/** How a channel reads the Authorization header. */
export type AuthStyle =
  /** `Authorization: Bearer <key>` only (OpenAI). */
  | "bearer"
  /** `Authorization: <key>` or `Authorization: Bearer <key>` (new-api gateways strip an optional Bearer). */
  | "bearer-or-bare";

/** Per-key limits of a channel, enforced on create with 429 (see limits.ts). */
export interface ChannelLimits {
  /** Accepted creates per window (60 s × the time scale, or `rateWindowSeconds`). */
  createsPerWindow: number;
  /** Jobs still queued or running at once. */
  maxRunning: number;
}

/** What differs between the upstream channels the simulator can imitate. */
export interface SimulatorProfile {
  readonly name: SimulatorProfileName;
  /** Job ids are this prefix + 48 hex characters; absent = `video_`. */
  readonly idPrefix?: string;
  /** Which optional routes exist on this channel. */
  readonly routes: { list: boolean; delete: boolean; remix: boolean };
  /** Whether completed videos are also served without a key at a signed link (`/cdn/<id>.mp4?token=`). */
  readonly servesSignedLinks: boolean;
  /** Whether /content honours `?variant=thumbnail|spritesheet` (otherwise it is ignored: always the video). */
  readonly variants: boolean;
  readonly auth: AuthStyle;
  /** How long content stays downloadable when SIMULATOR_EXPIRY_SECONDS is not set. */
  readonly defaultExpirySeconds: number;
  /** /content answers 400 this many seconds (× time scale) after completion; 0 = ready at once. */
  readonly contentDelaySeconds: number;
  readonly limits: ChannelLimits | null;
  /** Largest prompt, used only for documentation and tests. */
  readonly maxPromptLength: number;
  validateCreate(body: ParsedBody): Promise<NewJobRequest>;
  /** The job as this channel's API answers it. */
  present(job: JobRecord, state: JobState, context: PresentContext): Record<string, unknown>;
  /** Throws when this job cannot be remixed on this channel (the route exists but not for every model). */
  checkRemix?(job: JobRecord): void;
  /** The channel's error envelope; absent = OpenAI's `{error: {message, type, param, code}}`. */
  errorBody?(error: SimulatorHttpError): { status: number; body: unknown };
}
