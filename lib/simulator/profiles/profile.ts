import type { SimulatorHttpError } from "../errors";
import type { JobRecord, SimulatorProfileName } from "../job";
import type { JobState } from "../job-clock";
import type { ParsedBody } from "../read-body";
import type { ReferenceUpload } from "../reference-image";
import type { ApiRouteContext, RouteContext } from "../routes/route-context";

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
  /** What the profile keeps with the job for itself (OpenRouter: the bill and the callback). */
  extra?: Record<string, unknown>;
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
  /** `ctx`: the request (headers) and the core, for profiles whose rules change at run time. */
  validateCreate(body: ParsedBody, ctx?: ApiRouteContext): Promise<NewJobRequest>;
  /** The create's answer when it is not the job itself (OpenRouter: 202 `{id, polling_url, status}`). */
  createdAnswer?(job: JobRecord, state: JobState, context: PresentContext): { status: number; body: unknown };
  /** Runs once a create is stored (OpenRouter: schedules the signed callback). */
  afterCreate?(job: JobRecord, ctx: ApiRouteContext): void;
  /** `GET /videos/models`, where the channel publishes its catalogue. */
  listModels?(ctx: ApiRouteContext): Response;
  /** The profile's own /__simulator/<action> knobs; null when the action is not one of them. */
  control?(ctx: RouteContext, method: string, action: string): Promise<Response | null>;
  /** The job as this channel's API answers it. */
  present(job: JobRecord, state: JobState, context: PresentContext): Record<string, unknown>;
  /** Throws when this job cannot be remixed on this channel (the route exists but not for every model). */
  checkRemix?(job: JobRecord): void;
  /** The channel's error envelope; absent = OpenAI's `{error: {message, type, param, code}}`. */
  errorBody?(error: SimulatorHttpError): { status: number; body: unknown };
}
