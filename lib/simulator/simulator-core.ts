import { randomBytes } from "node:crypto";
import { isVisibleTo } from "./api-keys";
import type { FaultRule, JobFaults } from "./faults";
import { newVideoId } from "./ids";
import type { JobOutcome, JobRecord } from "./job";
import { failureMessage, failureProgress, jobStateAt, planDurations } from "./job-clock";
import { JobStore } from "./job-store";
import { CreateLimiter } from "./limits";
import { MediaRenderer } from "./media/render-media";
import type { SimulatorOptions } from "./options";
import type { SimulatorProfileName } from "./profile-names";
import { openAiProfile } from "./profiles/openai";
import { openRouterProfile } from "./profiles/openrouter";
import type { NewJobRequest, SimulatorProfile } from "./profiles/profile";
import { relayProfile } from "./profiles/relay";
import { veoProfile } from "./profiles/veo";
import { yiReverseProfile } from "./profiles/yi-reverse";
import { normaliseReference } from "./reference-image";
import { RequestStats } from "./stats";

export const PROFILES: Record<SimulatorProfileName, SimulatorProfile> = {
  openai: openAiProfile,
  "yi-reverse": yiReverseProfile,
  relay: relayProfile,
  veo: veoProfile,
  openrouter: openRouterProfile,
};

export interface NewJob extends NewJobRequest {
  /** Hash of the key that creates the job (see api-keys.ts). */
  owner: string;
  visiblePrompt: string;
  remixedFromVideoId: string | null;
  jobFaults: JobFaults;
  /** HTTP-level prompt markers, kept with the job. */
  httpFaults: FaultRule[];
}

function outcomeFor(faults: JobFaults): JobOutcome {
  const outcome = faults.outcome;
  if (outcome === null) return { kind: "complete" };
  if (outcome.kind === "stall") return { kind: "stall", atProgress: outcome.progress };
  return {
    kind: "fail",
    code: outcome.code,
    message: failureMessage(outcome.code),
    atProgress: failureProgress(outcome.code),
  };
}

/** The simulator's state: options, jobs, media, counters and the instance's fault rules. */
export class SimulatorCore {
  readonly store: JobStore;
  readonly media: MediaRenderer;
  readonly stats = new RequestStats();
  readonly profile: SimulatorProfile;
  /** Per-key create limits of the channel (null: none). */
  readonly limiter: CreateLimiter | null;
  /** Mutable at runtime through POST /__simulator/faults. */
  instanceFaults: FaultRule[];
  readonly ready: Promise<void>;

  constructor(readonly options: SimulatorOptions) {
    this.store = new JobStore(options.dataDir, options.log);
    this.media = new MediaRenderer(this.store, options.ffmpegPath, () => this.stats.recordRender());
    this.profile = PROFILES[options.profile];
    const limits = this.profile.limits;
    // CHOICE: the create window follows the time scale (60 s × scale) unless rateWindowSeconds is set.
    const windowMs = (options.rateWindowSeconds ?? 60 * options.timeScale) * 1000;
    this.limiter = limits === null ? null : new CreateLimiter(limits, windowMs);
    this.instanceFaults = options.faults.map((rule) => ({ ...rule }));
    this.ready = this.store.load();
  }

  /** The caller's jobs that are still queued or running (for the channel's concurrency limit). */
  runningJobs(owner: string, nowMs: number): number {
    return this.jobs(owner).filter((job) => {
      const status = jobStateAt(job, nowMs).status;
      return status === "queued" || status === "in_progress";
    }).length;
  }

  now(): number {
    return this.options.now();
  }

  /** A job of this instance's profile (a shared data dir must not mix channels), any owner. */
  private ownJob(id: string): JobRecord | undefined {
    const job = this.store.get(id);
    return job?.profile === this.options.profile ? job : undefined;
  }

  /** The job if the caller's key (`owner`, its hash) may see it; another key's job is "not found". */
  findJob(id: string, owner: string): JobRecord | undefined {
    const job = this.ownJob(id);
    return job && isVisibleTo(job, owner) ? job : undefined;
  }

  /**
   * For the unauthenticated signed link /cdn/<id>.mp4?token=… of profile relay: the caller checks
   * the job's token, which (with the id's 160 random bits) is what protects it.
   */
  findJobByCdnId(id: string): JobRecord | undefined {
    return this.ownJob(id);
  }

  /** The jobs the caller's key may see. */
  jobs(owner: string): JobRecord[] {
    return this.allJobs().filter((job) => isVisibleTo(job, owner));
  }

  /** Every job of this profile, whoever owns it (counts for the control routes). */
  allJobs(): JobRecord[] {
    return this.store.all().filter((job) => job.profile === this.options.profile);
  }

  async createJob(request: NewJob): Promise<JobRecord> {
    const createdMs = this.now();
    const id = newVideoId(createdMs, this.profile.idPrefix);
    const jitter = Number.parseInt(id.slice(-4), 16) / 0xffff;
    const durations = planDurations({
      model: request.model,
      width: request.width,
      height: request.height,
      seconds: request.durationSeconds,
      jitter,
      timeScale: this.options.timeScale,
    });
    const referenceFile =
      request.reference === null
        ? null
        : await this.store.saveReference(
            id,
            await normaliseReference(request.reference, request.width, request.height),
          );
    const lastFrame = request.lastFrame ?? null;
    const lastFrameFile =
      lastFrame === null
        ? null
        : await this.store.saveReference(
            `${id}-last`,
            await normaliseReference(lastFrame, request.width, request.height),
          );
    const { jobFaults } = request;
    const presentation =
      jobFaults.result === null && jobFaults.statuses === null
        ? undefined
        : { result: jobFaults.result, statuses: jobFaults.statuses };
    const contentDelayMs = Math.round(this.profile.contentDelaySeconds * 1000 * this.options.timeScale);
    const job: JobRecord = {
      version: 1,
      id,
      profile: this.options.profile,
      owner: request.owner,
      seq: this.store.nextSeq(),
      createdMs,
      model: request.model,
      size: request.size,
      seconds: request.seconds,
      prompt: request.prompt,
      remixedFromVideoId: request.remixedFromVideoId,
      render: {
        width: request.width,
        height: request.height,
        seconds: request.durationSeconds,
        model: request.model,
        visiblePrompt: request.visiblePrompt,
        referenceFile,
        remixedFromVideoId: request.remixedFromVideoId,
        ...(request.fps === undefined ? {} : { fps: request.fps }),
        ...(lastFrameFile === null ? {} : { lastFrameFile }),
      },
      plan: {
        ...durations,
        outcome: outcomeFor(jobFaults),
        expirySeconds: jobFaults.expirySeconds ?? this.options.expirySeconds,
        ...(contentDelayMs > 0 ? { contentDelayMs } : {}),
        ...(presentation ? { presentation } : {}),
      },
      faults: request.httpFaults,
      ...(this.profile.servesSignedLinks ? { linkToken: randomBytes(16).toString("hex") } : {}),
      ...(request.extra ? { extra: request.extra } : {}),
    };
    await this.store.save(job);
    return job;
  }

  async deleteJob(job: JobRecord): Promise<void> {
    await this.media.settle(job.id);
    await this.store.remove(job);
  }

  async close(): Promise<void> {
    await this.ready.catch(() => undefined);
    await this.media.close();
    await this.store.flush();
  }
}
