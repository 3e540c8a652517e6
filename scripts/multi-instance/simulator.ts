// The simulator both studio instances share (scripts/multi-instance/run.ts): the product's own
// simulator (lib/simulator, one core, one data folder) served on one port per instance, so every
// upstream call is recorded with the instance that made it and the time it arrived.
//
//   tsx scripts/multi-instance/simulator.ts <portA> <portB>   (SIMULATOR_* settings as usual)
//
// GET /__harness/calls on either port answers the call log (JSON lines are kept in memory).
// The simulator renders a job's media with ffmpeg on first demand; a hundred renders on two cores
// would measure ffmpeg, not the studio. As bench/engine-throughput.ts does, a few template jobs
// are rendered first and every new job gets one template's files hard-linked into its media
// folder before it completes (round robin), so the studio still downloads, checks and stores every
// file, and the bytes of each job are known (GET /__harness/media/<jobId>/<file>).
import { createServer } from "node:http";
import { linkSync, mkdirSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { createSimulator } from "../../lib/simulator/create-simulator";
import { sendWebResponse, toWebRequest } from "../../lib/simulator/node-http-bridge";
import { simulatorOptionsFromEnv } from "../../lib/simulator/options-from-env";

export type UpstreamCall = {
  /** Arrival time (ms since epoch). */
  t: number;
  /** Which instance called: the port it used ("a" | "b"), or "harness". */
  via: string;
  method: string;
  path: string;
  status: number;
  /** The job a create made (creates carry no id in their path). */
  created?: string;
};

const ports = process.argv.slice(2).map(Number);
const labels = ["a", "b"];
const TEMPLATES = 3;
const options = simulatorOptionsFromEnv("/v1");
const simulator = createSimulator({ ...options, controlRoutes: true, log: () => undefined });
const calls: UpstreamCall[] = [];
const templates: string[] = [];
let created = 0;

function linkTemplate(jobId: string): void {
  const template = templates[created++ % templates.length];
  if (!template) return;
  const dir = path.join(options.dataDir, "media", jobId);
  mkdirSync(dir, { recursive: true });
  for (const name of readdirSync(template)) {
    try {
      linkSync(path.join(template, name), path.join(dir, name));
    } catch {
      // already there
    }
  }
}

async function answer(request: Request, via: string): Promise<Response> {
  const url = new URL(request.url);
  if (url.pathname === "/__harness/calls") return Response.json(calls);
  const media = /^\/__harness\/media\/([\w-]+)\/([\w.]+)$/.exec(url.pathname);
  if (media) {
    try {
      return new Response(readFileSync(path.join(options.dataDir, "media", media[1]!, media[2]!)));
    } catch {
      return new Response("no such file", { status: 404 });
    }
  }
  const t = Date.now();
  const response = await simulator.handle(request);
  const call: UpstreamCall = {
    t,
    via,
    method: request.method,
    path: url.pathname + url.search,
    status: response.status,
  };
  calls.push(call);
  if (request.method === "POST" && url.pathname === "/v1/videos" && response.ok) {
    const body = (await response.clone().json()) as { id?: string };
    if (body.id) linkTemplate(body.id);
    call.created = body.id;
  }
  return response;
}

/** Renders the template jobs through the simulator itself (its own key, not the studio's). */
async function makeTemplates(): Promise<void> {
  const headers = { authorization: "Bearer sk-harness-templates", "content-type": "application/json" };
  const base = "http://simulator.local/v1/videos";
  const ids: string[] = [];
  for (let i = 0; i < TEMPLATES; i++) {
    const created = await simulator.handle(
      new Request(base, {
        method: "POST",
        headers,
        body: JSON.stringify({ model: "sora-2", prompt: `Harness template ${i}`, size: "720x1280", seconds: "4" }),
      }),
    );
    if (!created.ok) throw new Error(`template create: HTTP ${created.status} ${await created.text()}`);
    ids.push(((await created.json()) as { id: string }).id);
  }
  for (const id of ids) {
    for (;;) {
      const job = (await (await simulator.handle(new Request(`${base}/${id}`, { headers }))).json()) as {
        status: string;
      };
      if (job.status === "completed") break;
      if (job.status === "failed") throw new Error(`template ${id} failed`);
      await new Promise((r) => setTimeout(r, 200));
    }
    for (const variant of ["video", "thumbnail", "spritesheet"]) {
      const content = await simulator.handle(new Request(`${base}/${id}/content?variant=${variant}`, { headers }));
      if (!content.ok) throw new Error(`template ${id} ${variant}: HTTP ${content.status}`);
      await content.arrayBuffer();
    }
    templates.push(path.join(options.dataDir, "media", id));
  }
}

await makeTemplates();
await Promise.all(
  ports.map(
    (port, i) =>
      new Promise<void>((resolve, reject) => {
        const via = labels[i] ?? `port${port}`;
        const server = createServer((req, res) => {
          void answer(toWebRequest(req, res, `http://${req.headers.host ?? `127.0.0.1:${port}`}`), via)
            .then((response) => sendWebResponse(response, req, res))
            .catch((error: unknown) => {
              console.error(`simulator: ${req.method} ${req.url}: ${String(error)}`);
              res.destroy();
            });
        });
        server.once("error", reject);
        server.listen(port, "127.0.0.1", () => resolve());
      }),
  ),
);
console.log(`harness simulator ready on ${ports.join(", ")} (time scale ${options.timeScale}, ${TEMPLATES} templates)`);
for (const signal of ["SIGINT", "SIGTERM"] as const) process.once(signal, () => process.exit(0));
