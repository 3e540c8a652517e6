// Fifty people watching the gallery, as components/videos/task-push.tsx does it: each holds the
// team's event stream (GET /api/teams/<id>/videos/events) through nginx, re-reads the tasks a
// message names through the status route, re-reads everything on `ready`, and when the stream
// breaks (an instance killed) reads the status route once and reconnects after the stream's
// `retry` (3 s) — through nginx, which sends it to whichever instance is up.
export type ViewerStats = {
  connections: Record<string, number>;
  taskMessages: number;
  readyMessages: number;
  statusCalls: number;
  statusErrors: number;
  breaks: number;
};

type ViewerQueue = { inFlight: boolean; ids: Set<string> };
type StatusItem = { id: string; status: string; archiveStatus: string };

export class Viewers {
  readonly stats: ViewerStats[] = [];
  private stopped = false;
  private readonly controllers: AbortController[] = [];
  private running: Promise<void>[] = [];

  constructor(
    private readonly base: string,
    private readonly teamId: string,
    private readonly cookie: string,
    /** The ids submitted so far (the harness appends as it submits). */
    private readonly taskIds: string[],
    private readonly who: (addr: string) => string,
  ) {}

  start(count: number): void {
    for (let i = 0; i < count; i++) {
      const stats: ViewerStats = {
        connections: {},
        taskMessages: 0,
        readyMessages: 0,
        statusCalls: 0,
        statusErrors: 0,
        breaks: 0,
      };
      this.stats.push(stats);
      this.running.push(this.watch(stats));
    }
  }

  async stop(): Promise<void> {
    this.stopped = true;
    for (const c of this.controllers) c.abort();
    await Promise.all(this.running);
  }

  /** One status read of `ids` (at most 100) through nginx. */
  async status(ids: string[], stats?: ViewerStats): Promise<StatusItem[]> {
    if (stats) stats.statusCalls += 1;
    try {
      const response = await fetch(`${this.base}/api/teams/${this.teamId}/videos/status?ids=${ids.join(",")}`, {
        headers: { cookie: this.cookie },
        signal: AbortSignal.timeout(30_000),
      });
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      return ((await response.json()) as { items: StatusItem[] }).items;
    } catch {
      if (stats) stats.statusErrors += 1;
      return [];
    }
  }

  /**
   * Re-reads `ids` like the page does: one read in flight per viewer; ids named meanwhile wait for
   * it and go in the next read (a burst of messages costs one or two reads, not one each).
   */
  private reread(stats: ViewerStats, ids: string[]): void {
    const state = (this.pending.get(stats) ?? { inFlight: false, ids: new Set<string>() }) as ViewerQueue;
    this.pending.set(stats, state);
    for (const id of ids) state.ids.add(id);
    if (state.inFlight) return;
    state.inFlight = true;
    void (async () => {
      while (state.ids.size > 0) {
        const batch = [...state.ids].slice(0, 100);
        for (const id of batch) state.ids.delete(id);
        await this.status(batch, stats);
      }
      state.inFlight = false;
    })();
  }

  private readonly pending = new Map<ViewerStats, ViewerQueue>();

  private async watch(stats: ViewerStats): Promise<void> {
    while (!this.stopped) {
      const controller = new AbortController();
      this.controllers.push(controller);
      try {
        const response = await fetch(`${this.base}/api/teams/${this.teamId}/videos/events`, {
          headers: { cookie: this.cookie, accept: "text/event-stream" },
          signal: controller.signal,
        });
        const upstream = this.who(response.headers.get("x-harness-upstream") ?? "?");
        if (!response.ok || !response.body) throw new Error(`HTTP ${response.status}`);
        stats.connections[upstream] = (stats.connections[upstream] ?? 0) + 1;
        await this.read(response.body, stats);
      } catch {
        // broken or refused: fall through to the fallback read and the reconnect
      }
      if (this.stopped) break;
      stats.breaks += 1;
      if (this.taskIds.length) await this.status(this.taskIds.slice(0, 100), stats);
      await new Promise((r) => setTimeout(r, 3_000));
    }
  }

  private async read(body: ReadableStream<Uint8Array>, stats: ViewerStats): Promise<void> {
    const decoder = new TextDecoder();
    let buffer = "";
    const reader = body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      buffer += decoder.decode(value, { stream: true });
      let end: number;
      while ((end = buffer.indexOf("\n\n")) >= 0) {
        const message = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const event = /^event: (.*)$/m.exec(message)?.[1];
        const data = /^data: (.*)$/m.exec(message)?.[1];
        if (event === "ready") {
          stats.readyMessages += 1;
          this.reread(stats, this.taskIds.slice(0, 100));
        } else if (event === "tasks" && data) {
          stats.taskMessages += 1;
          const ids = (JSON.parse(data) as { ids: string[] }).ids;
          this.reread(stats, ids);
        }
      }
    }
  }
}
