import { isVisibleTo } from "./api-keys";
import type { FaultRule, JobFaults } from "./faults";
import { newVideoId } from "./ids";
import type { JobOutcome, JobRecord } from "./job";
import { failureMessage, failureProgress, planDurations } from "./job-clock";
import { JobStore } from "./job-store";
import { MediaRenderer } from "./media/render-media";
import type { SimulatorOptions } from "./options";
import { openAiProfile } from "./profiles/openai";
import type { NewJobRequest, SimulatorProfile } from "./profiles/profile";
import { yiReverseProfile } from "./profiles/yi-reverse";
import { normaliseReference } from "./reference-image";
import { RequestStats } from "./stats";

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
  /** Mutable at runtime through POST /__simulator/faults. */
  instanceFaults: FaultRule[];
  readonly ready: Promise<void>;

  constructor(readonly options: SimulatorOptions) {
    this.store = new JobStore(options.dataDir, options.log);
    this.media = new MediaRenderer(this.store, options.ffmpegPath, () => this.stats.recordRender());
    this.profile = options.profile === "yi-reverse" ? yiReverseProfile : openAiProfile;
    this.instanceFaults = options.faults.map((rule) => ({ ...rule }));
    this.ready = this.store.load();
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
   * For the unauthenticated /cdn/<id>.mp4 of yi-reverse: a capability URL, the 160 random bits
   * of the id are what protects it (like the channel's real CDN links).
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
    const id = newVideoId(createdMs);
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
      },
      plan: {
        ...durations,
        outcome: outcomeFor(request.jobFaults),
        expirySeconds: request.jobFaults.expirySeconds ?? this.options.expirySeconds,
      },
      faults: request.httpFaults,
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
