import type { Endpoint } from "./faults";

export interface StatsSnapshot {
  since: string;
  total: number;
  /** Media renders (a job's video, thumbnail and sprite sheet count once). */
  renders: number;
  byEndpoint: Partial<Record<Endpoint | "unknown", number>>;
  byJob: Record<string, Partial<Record<Endpoint, number>>>;
  /** Accepted keys by how the Authorization header carried them (`Bearer sk-…` or bare `sk-…`). */
  authForms: { bearer: number; bare: number };
}

/** Request counts, so a studio test can assert how often (and about which job) it called us. */
export class RequestStats {
  private since = new Date();
  private total = 0;
  private renders = 0;
  private byEndpoint: StatsSnapshot["byEndpoint"] = {};
  private byJob: StatsSnapshot["byJob"] = {};
  private authForms: StatsSnapshot["authForms"] = { bearer: 0, bare: 0 };

  record(endpoint: Endpoint | "unknown", jobId: string | null): void {
    this.total += 1;
    this.byEndpoint[endpoint] = (this.byEndpoint[endpoint] ?? 0) + 1;
    if (jobId !== null && endpoint !== "unknown") {
      const perJob = (this.byJob[jobId] ??= {});
      perJob[endpoint] = (perJob[endpoint] ?? 0) + 1;
    }
  }

  recordAuth(form: "bearer" | "bare"): void {
    this.authForms[form] += 1;
  }

  recordRender(): void {
    this.renders += 1;
  }

  /** Counts a create or remix against the job it produced (its id is unknown until then). */
  attribute(endpoint: Endpoint, jobId: string): void {
    const perJob = (this.byJob[jobId] ??= {});
    perJob[endpoint] = (perJob[endpoint] ?? 0) + 1;
  }

  snapshot(): StatsSnapshot {
    return structuredClone({
      since: this.since.toISOString(),
      total: this.total,
      renders: this.renders,
      byEndpoint: this.byEndpoint,
      byJob: this.byJob,
      authForms: this.authForms,
    });
  }

  reset(): void {
    this.since = new Date();
    this.total = 0;
    this.renders = 0;
    this.byEndpoint = {};
    this.byJob = {};
    this.authForms = { bearer: 0, bare: 0 };
  }
}
