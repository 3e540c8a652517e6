import { request as httpRequest, Agent } from "node:http";

// A keep-alive HTTP load generator for the benches: `connections` requests in flight for
// `seconds`, each connection sending its next request when the last answer ended. Pass an `agent`
// to keep its connections from one call to the next (slices of one case): 64 connections opened
// at once make the first request on some of them wait 0.8–2.2 s in Next's server (seen in
// bench/status-route.ts, every such request the first on its connection), a tail that is the
// connection burst's, not the route's.

/** Requests per second, MB/s of bodies, the last status seen, latency p50/p99 in ms. */
export async function load(
  port: number,
  urlPath: string,
  headers: Record<string, string>,
  seconds: number,
  connections: number,
  shared?: Agent,
) {
  const agent = shared ?? new Agent({ keepAlive: true, maxSockets: connections });
  const until = performance.now() + seconds * 1000;
  let done = 0;
  let bytes = 0;
  let status = 0;
  const latencies: number[] = [];
  const worker = async () => {
    while (performance.now() < until) {
      const started = performance.now();
      // A kept connection the server closed while idle fails at once: sent again, as browsers do.
      for (let attempt = 0; ; attempt++) {
        const sent = await new Promise<boolean>((resolve, reject) => {
          const req = httpRequest({ host: "127.0.0.1", port, path: urlPath, headers, agent }, (res) => {
            status = res.statusCode ?? 0;
            res.on("data", (chunk: Buffer) => (bytes += chunk.length));
            res.on("end", () => resolve(true));
          });
          req.on("error", (error) => (req.reusedSocket && attempt === 0 ? resolve(false) : reject(error)));
          req.end();
        });
        if (sent) break;
      }
      latencies.push(performance.now() - started);
      done++;
    }
  };
  const t0 = performance.now();
  await Promise.all(Array.from({ length: connections }, worker));
  const elapsed = (performance.now() - t0) / 1000;
  if (!shared) agent.destroy();
  latencies.sort((a, b) => a - b);
  const at = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))] ?? 0;
  return { rate: done / elapsed, mbps: bytes / 1024 / 1024 / elapsed, status, p50: at(0.5), p99: at(0.99) };
}
