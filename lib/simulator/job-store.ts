import { mkdir, readdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import { randomBytes } from "node:crypto";
import path from "node:path";
import type { JobRecord } from "./job";

/** Writes via a temp file and rename, so a crash never leaves a half-written file behind. */
export async function writeFileAtomic(file: string, data: string | Uint8Array): Promise<void> {
  const temp = `${file}.${randomBytes(6).toString("hex")}.tmp`;
  await writeFile(temp, data);
  await rename(temp, file);
}

/**
 * Jobs live in memory and, one JSON file per job, under dataDir/jobs so they survive a restart.
 * Reference images live beside them (dataDir/references); rendered media is a cache
 * (dataDir/media) that can be deleted at any time and is rebuilt on demand.
 */
export class JobStore {
  readonly jobsDir: string;
  readonly referencesDir: string;
  readonly mediaRoot: string;
  private readonly jobs = new Map<string, JobRecord>();
  private readonly writes = new Map<string, Promise<void>>();
  /** Deleted ids: a late save (e.g. a fault count spent meanwhile) must not bring a job back. */
  private readonly removed = new Set<string>();
  private lastSeq = 0;
  private loaded: Promise<void> | null = null;

  constructor(
    dataDir: string,
    private readonly log: (message: string) => void,
  ) {
    this.jobsDir = path.join(dataDir, "jobs");
    this.referencesDir = path.join(dataDir, "references");
    this.mediaRoot = path.join(dataDir, "media");
  }

  load(): Promise<void> {
    this.loaded ??= this.loadFromDisk();
    return this.loaded;
  }

  private async loadFromDisk(): Promise<void> {
    await Promise.all([this.jobsDir, this.referencesDir, this.mediaRoot].map((dir) => mkdir(dir, { recursive: true })));
    const names = (await readdir(this.jobsDir)).filter((name) => name.endsWith(".json"));
    for (const name of names) {
      try {
        const job = JSON.parse(await readFile(path.join(this.jobsDir, name), "utf8")) as JobRecord;
        if (job.version !== 1 || typeof job.id !== "string") throw new Error("unknown record version");
        // Files from before jobs had owners have no `owner`: null, visible to every accepted key.
        this.jobs.set(job.id, { ...job, owner: typeof job.owner === "string" ? job.owner : null });
        this.lastSeq = Math.max(this.lastSeq, job.seq);
      } catch (error) {
        // A broken file must not take the whole simulator down; the job is simply gone.
        this.log(`simulator: skipping unreadable job file ${name}: ${(error as Error).message}`);
      }
    }
  }

  get(id: string): JobRecord | undefined {
    return this.jobs.get(id);
  }

  all(): JobRecord[] {
    return [...this.jobs.values()];
  }

  nextSeq(): number {
    this.lastSeq += 1;
    return this.lastSeq;
  }

  mediaDir(id: string): string {
    return path.join(this.mediaRoot, id);
  }

  referencePath(file: string): string {
    return path.join(this.referencesDir, file);
  }

  /** Saves in call order per job, so a late write can never overwrite a newer one. */
  save(job: JobRecord): Promise<void> {
    if (this.removed.has(job.id)) return Promise.resolve();
    this.jobs.set(job.id, job);
    const json = JSON.stringify(job, null, 2);
    const previous = this.writes.get(job.id) ?? Promise.resolve();
    const next = previous
      .catch(() => undefined)
      .then(() => writeFileAtomic(path.join(this.jobsDir, `${job.id}.json`), json));
    this.writes.set(job.id, next);
    return next;
  }

  async saveReference(id: string, png: Uint8Array): Promise<string> {
    const file = `${id}.png`;
    await writeFileAtomic(this.referencePath(file), png);
    return file;
  }

  async remove(job: JobRecord): Promise<void> {
    this.removed.add(job.id);
    this.jobs.delete(job.id);
    await (this.writes.get(job.id) ?? Promise.resolve()).catch(() => undefined);
    this.writes.delete(job.id);
    await rm(path.join(this.jobsDir, `${job.id}.json`), { force: true });
    if (job.render.referenceFile !== null) await rm(this.referencePath(job.render.referenceFile), { force: true });
    if (job.render.lastFrameFile) await rm(this.referencePath(job.render.lastFrameFile), { force: true });
    await rm(this.mediaDir(job.id), { recursive: true, force: true });
  }

  async flush(): Promise<void> {
    await Promise.allSettled([...this.writes.values()]);
  }
}
