// Issue 11, item 4: archived media through the studio's pipeline next to a plain Node static file
// server of the same file, in the same run (ratios, not absolute figures), plus where the time of
// one small request goes and the server's RSS before and after. Prints figures; asserts nothing.
//
//   npx tsx --conditions=react-server bench/media-serving.ts [seconds=5] [connections=16] [rounds=1]
//
// The servers run in a child process (one core for them, one for the load generator). "route" is
// the media route's pipeline from the session's user id on: authorizeSignedIn() (user, membership
// and team in one statement, as teamRoute; the cookie decode itself is not in it),
// openVideoMedia() with that checked actor (the task's paths, open + fstat, the
// stream), the Response written to node:http by Next's own pipeToNodeResponse (as `next start`).
// "node static" is fs.stat + createReadStream().pipe(res) with the same single-Range support. With
// nginx on PATH (Debian: nginx-light), also "nginx static" (sendfile, 1 worker) and "route +
// X-Accel": nginx proxies to the pipeline in MEDIA_ACCEL_REDIRECT_PREFIX mode and sends the file.
import { fork, spawn, spawnSync, type ChildProcess } from "node:child_process";
import { createReadStream, mkdtempSync, statSync, writeFileSync } from "node:fs";
import { createServer, request as httpRequest, type IncomingMessage, type ServerResponse } from "node:http";
import { load } from "./support/http-load";
import { withServerMemoryDefaults } from "../lib/config/server-memory";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";

const SMALL_BYTES = 700 * 1024;
const LARGE_BYTES = 64 * 1024 * 1024;

type Ready = {
  route: number;
  accel: number;
  static: number;
  storage: string;
  files: { small: string; large: string };
  breakdown: string[];
};

if (process.argv[2] === "--serve") await serve();
else await drive();

// ---------------------------------------------------------------------------------------------
// The child: seeds one team with two archived videos, measures a small request step by step, serves.

async function serve(): Promise<void> {
  const scratch = mkdtempSync(path.join(tmpdir(), "studio-bench-media-"));
  process.env.DATABASE_URL = `file:${path.join(scratch, "bench.db")}`;
  process.env.STUDIO_DATA_DIR = path.join(scratch, "data");
  process.env.STORAGE_DIR = path.join(scratch, "media");
  process.env.STUDIO_SWEEP = "off";
  const { migrateDatabase } = await import("../lib/db/migrate");
  await migrateDatabase(process.env.DATABASE_URL);
  const { db } = await import("../lib/db");
  const { createUserWithTeam } = await import("../lib/auth/sign-up");
  const { authorizeSignedIn } = await import("../lib/teams/authorize");
  const { writeMediaAtomically, mediaRelativePath, absoluteMediaPath, openMediaFile } =
    await import("../lib/storage/media-store");
  const { openVideoMedia } = await import("../lib/videos/video-media");
  const { toWebRequest } = await import("../lib/simulator/node-http-bridge");
  // How `next start` writes a route handler's Response body to node:http.
  const { pipeToNodeResponse } = (await import("next/dist/server/pipe-readable.js")) as unknown as {
    pipeToNodeResponse: (body: ReadableStream<Uint8Array>, res: ServerResponse) => Promise<void>;
  };

  const { user, team } = await createUserWithTeam(
    db,
    { name: "Bench", email: `bench-${Date.now()}@example.test`, password: "password-123" },
    "Bench team",
    "en",
  );
  const connection = await db.providerConnection.findFirstOrThrow({ where: { teamId: team.id } });
  const files: Record<string, string> = {};
  const taskIds: Record<string, string> = {};
  for (const [name, bytes] of [
    ["small", SMALL_BYTES],
    ["large", LARGE_BYTES],
  ] as const) {
    const task = await db.videoTask.create({
      data: {
        teamId: team.id,
        createdById: user.id,
        idempotencyKey: `bench-${name}`,
        connectionId: connection.id,
        channel: "simulator",
        model: "sora-2",
        size: "720x1280",
        seconds: 4,
        prompt: `bench ${name}`,
        status: "completed",
        progress: 100,
        estimateCents: 40,
      },
      select: { id: true },
    });
    const relative = mediaRelativePath(team.id, task.id, "video");
    const chunk = Buffer.alloc(1024 * 1024, name.charCodeAt(0));
    const chunks = function* () {
      for (let left = bytes; left > 0; left -= chunk.length) yield chunk.subarray(0, Math.min(left, chunk.length));
    };
    await writeMediaAtomically(relative, chunks(), () => undefined);
    await db.videoTask.update({ where: { id: task.id }, data: { videoPath: relative } });
    files[name] = absoluteMediaPath(relative);
    taskIds[name] = task.id;
  }
  const actor = { teamId: team.id, userId: user.id };

  // Where the time of one small request goes (ms per call, median of 400 after a warm-up).
  const drain = async (body: ReadableStream | null) => {
    if (body) for await (const chunk of body as unknown as AsyncIterable<Uint8Array>) void chunk;
  };
  const smallRelative = mediaRelativePath(team.id, taskIds.small!, "video");
  const probe = (await openMediaFile(smallRelative, "video/mp4", null))!;
  await probe.body?.cancel();
  const smallETag = probe.headers.get("etag");
  const steps: [string, () => Promise<unknown>][] = [
    ["authorizeSignedIn (user + membership)", () => authorizeSignedIn(db, user.id, team.id, "videos.read")],
    [
      "task paths (findFirst)",
      () => db.videoTask.findFirst({ where: { id: taskIds.small!, teamId: team.id, deletedAt: null } }),
    ],
    [
      "open + fstat + headers (no body read)",
      async () => (await openMediaFile(smallRelative, "video/mp4", null))?.body?.cancel(),
    ],
    ["open + fstat + stream 0.7 MB", async () => drain((await openMediaFile(smallRelative, "video/mp4", null))!.body)],
    [
      "openVideoMedia, 304",
      () => openVideoMedia(actor, taskIds.small!, "video", { range: null, download: false, ifNoneMatch: smallETag }),
    ],
    [
      "openVideoMedia, whole 0.7 MB read",
      async () => {
        const media = await openVideoMedia(actor, taskIds.small!, "video", { range: null, download: false });
        if (media.found) await drain(media.body);
      },
    ],
  ];
  const breakdown: string[] = [];
  for (const [name, step] of steps) {
    for (let i = 0; i < 50; i++) await step();
    const times: number[] = [];
    for (let i = 0; i < 400; i++) {
      const t0 = performance.now();
      await step();
      times.push(performance.now() - t0);
    }
    times.sort((a, b) => a - b);
    breakdown.push(`${name.padEnd(40)} p50 ${times[200]!.toFixed(3)} ms  p95 ${times[380]!.toFixed(3)} ms`);
  }

  const { env } = await import("../lib/env");
  const routeHandler = (accel: boolean) => (req: IncomingMessage, res: ServerResponse) => {
    // One server is loaded at a time, so the switch never changes under a running request.
    env.mediaAccelRedirectPrefix = accel ? "/protected-media/" : undefined;
    void (async () => {
      const name = req.url?.includes("large") ? "large" : "small";
      const request = toWebRequest(req, res, "http://127.0.0.1");
      const checked = await authorizeSignedIn(db, user.id, team.id, "videos.read");
      const media = await openVideoMedia(checked!, taskIds[name]!, "video", {
        range: request.headers.get("range"),
        ifRange: request.headers.get("if-range"),
        ifNoneMatch: request.headers.get("if-none-match"),
        download: false,
      });
      const response = media.found
        ? new Response(media.body, { status: media.status, headers: media.headers })
        : new Response(null, { status: 404 });
      const headers: Record<string, string> = {};
      response.headers.forEach((value, key) => (headers[key] = value));
      res.writeHead(response.status, headers);
      if (response.body) await pipeToNodeResponse(response.body, res);
      else res.end();
    })().catch(() => res.destroy());
  };
  const routeServer = createServer(routeHandler(false));
  const accelServer = createServer(routeHandler(true));
  const staticServer = createServer((req, res) =>
    serveStatic(req, res, req.url?.includes("large") ? files.large! : files.small!),
  );
  for (const server of [routeServer, accelServer, staticServer]) {
    server.keepAliveTimeout = 60_000;
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  }
  let peak = 0;
  setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50).unref();
  const memory = () => {
    const { rss, arrayBuffers, heapTotal, heapUsed } = process.memoryUsage();
    const answer = { rss, peak: Math.max(peak, rss), arrayBuffers, heapTotal, heapUsed };
    peak = 0;
    return answer;
  };
  process.on("message", (message) => {
    if (message === "rss") process.send!(memory());
    if (message === "gc") {
      (globalThis as { gc?: () => void }).gc?.();
      process.send!(memory());
    }
    if (message === "exit") process.exit(0);
  });
  const ready: Ready = {
    route: (routeServer.address() as AddressInfo).port,
    accel: (accelServer.address() as AddressInfo).port,
    storage: process.env.STORAGE_DIR!,
    static: (staticServer.address() as AddressInfo).port,
    files: { small: files.small!, large: files.large! },
    breakdown,
  };
  process.send!(ready);
}

function serveStatic(req: IncomingMessage, res: ServerResponse, file: string): void {
  const { size } = statSync(file);
  const match = /^bytes=(\d+)-(\d*)$/.exec(req.headers.range ?? "");
  if (match) {
    const start = Number(match[1]);
    const end = match[2] ? Math.min(Number(match[2]), size - 1) : size - 1;
    res.writeHead(206, {
      "Content-Type": "video/mp4",
      "Content-Length": end - start + 1,
      "Content-Range": `bytes ${start}-${end}/${size}`,
    });
    createReadStream(file, { start, end }).pipe(res);
    return;
  }
  res.writeHead(200, { "Content-Type": "video/mp4", "Content-Length": size });
  createReadStream(file).pipe(res);
}

// ---------------------------------------------------------------------------------------------
// The parent: a keep-alive load generator, one case after the other on both servers.

async function drive(): Promise<void> {
  const seconds = Number(process.argv[2] ?? 5);
  const connections = Number(process.argv[3] ?? 16);
  // Rounds of the whole load: the RSS after each tells a one-time rise (the first round's pages
  // that V8 and the allocator keep) from a growth with the load served (a leak).
  const rounds = Number(process.argv[4] ?? 1);
  // The servers' process gets the memory settings `npm start` gives `next start`
  // (lib/config/server-memory.ts; STUDIO_MEMORY_DEFAULTS=off for Node's and glibc's own).
  // MEDIA_BENCH_SERVER_ENV="NAME=value …" adds settings for that process only (e.g. glibc's
  // MALLOC_ARENA_MAX, or NODE_OPTIONS), so the load generator and nginx run as they were.
  const serverEnv = Object.fromEntries(
    (process.env.MEDIA_BENCH_SERVER_ENV ?? "")
      .split(" ")
      .filter((pair) => pair.includes("="))
      .map((pair) => [pair.slice(0, pair.indexOf("=")), pair.slice(pair.indexOf("=") + 1)]),
  );
  const child: ChildProcess = fork(import.meta.filename, ["--serve"], {
    execArgv: [...process.execArgv, "--expose-gc"],
    env: withServerMemoryDefaults({ ...process.env, ...serverEnv }),
    stdio: "inherit",
  });
  const next = <T>() => new Promise<T>((resolve) => child.once("message", (m) => resolve(m as T)));
  const ready = await next<Ready>();
  const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
  const rss = async (message: "rss" | "gc") => {
    child.send(message);
    const m = await next<{ rss: number; peak: number; arrayBuffers: number; heapTotal: number; heapUsed: number }>();
    return `RSS ${mb(m.rss)} (peak since last look ${mb(m.peak)}), buffers ${mb(m.arrayBuffers)}, V8 heap ${mb(m.heapTotal)} (used ${mb(m.heapUsed)})`;
  };
  console.log(`node ${process.version}; ${seconds} s per case, ${connections} connections; servers in a child process`);
  console.log("\nOne small (0.7 MB) request in-process, step by step:");
  for (const line of ready.breakdown) console.log(`  ${line}`);
  console.log(`\nserver before the load: ${await rss("gc")}`);
  const nginx = await startNginx(ready);

  const cases: { name: string; path: string; headers?: Record<string, string> }[] = [
    { name: "small 0.7 MB, whole", path: "/small" },
    { name: "large 64 MB, whole", path: "/large" },
    { name: "large, Range 1 MB", path: "/large", headers: { range: "bytes=1048576-2097151" } },
  ];
  const memoryLines: string[] = [];
  const servers: { name: string; port: number; prefix: string }[] = [
    { name: "route", port: ready.route, prefix: "" },
    { name: "node static", port: ready.static, prefix: "" },
    ...(nginx
      ? [
          { name: "nginx static", port: nginx.port, prefix: "/nginx" },
          { name: "route + X-Accel", port: nginx.port, prefix: "/accel" },
        ]
      : []),
  ];
  const afterRounds: string[] = [];
  for (let round = 1; round <= rounds; round++) {
    console.log(
      `\n${rounds > 1 ? `round ${round} of ${rounds}: ` : ""}req/s (MB/s)${nginx ? `; nginx ${nginx.version}, 1 worker` : "; no nginx on PATH"}`,
    );
    for (const c of cases) {
      const rates: Record<string, number> = {};
      const cells: string[] = [];
      for (const server of servers) {
        const result = await load(server.port, server.prefix + c.path, c.headers ?? {}, seconds, connections);
        rates[server.name] = result.rate;
        const odd = result.status === 200 || result.status === 206 ? "" : ` status ${result.status}!`;
        cells.push(`${server.name} ${result.rate.toFixed(1)} (${result.mbps.toFixed(0)})${odd}`);
        if (server.name === "route")
          memoryLines.push(`  ${rounds > 1 ? `round ${round}, ` : ""}after route, ${c.name}: ${await rss("rss")}`);
      }
      const ratio = (a: string, b: string) => (rates[b] ? `${a}/${b} ${(rates[a]! / rates[b]).toFixed(2)}×` : "");
      console.log(`${c.name}: ${cells.join(", ")}`);
      console.log(
        `  ${[ratio("route", "node static"), ratio("route", "nginx static"), ratio("route + X-Accel", "nginx static")].filter(Boolean).join(", ")}`,
      );
    }
    const etagged = await once(ready.route, "/small", {});
    const notModified = await load(
      ready.route,
      "/small",
      { "if-none-match": etagged.etag ?? "" },
      seconds,
      connections,
    );
    console.log(
      `small, If-None-Match (304) ${notModified.rate.toFixed(1).padStart(8)} req/s, status ${notModified.status}`,
    );
    await new Promise((r) => setTimeout(r, 2000));
    afterRounds.push(`  after ${rounds > 1 ? `round ${round}` : "the run"}, a GC and 2 s idle: ${await rss("gc")}`);
  }
  console.log(`\nserver memory (RSS, its peak during the case, Buffers held):`);
  for (const line of memoryLines) console.log(line);
  for (const line of afterRounds) console.log(line);
  child.send("exit");
  nginx?.stop();
}

/** nginx (when on PATH) in front of the same files: a static location and the accel route. */
async function startNginx(ready: Ready) {
  const version = spawnSync("nginx", ["-v"], { encoding: "utf8" });
  if (version.error) return null;
  const dir = mkdtempSync(path.join(tmpdir(), "studio-bench-nginx-"));
  const port = await new Promise<number>((resolve) => {
    const probe = createServer().listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
  });
  const temp = ["client_body", "proxy", "fastcgi", "uwsgi", "scgi"]
    .map((name) => `${name}_temp_path ${dir}/${name};`)
    .join(" ");
  writeFileSync(
    path.join(dir, "nginx.conf"),
    `${process.getuid?.() === 0 ? "user root; " : ""}worker_processes 1; daemon off; pid ${dir}/nginx.pid; error_log ${dir}/error.log;
events { worker_connections 1024; }
http {
  access_log off; sendfile on; tcp_nopush on; keepalive_requests 100000; ${temp}
  upstream studio { server 127.0.0.1:${ready.accel}; keepalive 32; }
  server {
    listen 127.0.0.1:${port};
    location = /nginx/small { alias ${ready.files.small}; default_type video/mp4; }
    location = /nginx/large { alias ${ready.files.large}; default_type video/mp4; }
    location /accel/ { proxy_pass http://studio/; proxy_http_version 1.1; proxy_set_header Connection ""; }
    location /protected-media/ { internal; alias ${ready.storage}/; }
  }
}
`,
  );
  const child = spawn("nginx", ["-c", path.join(dir, "nginx.conf"), "-p", dir], { stdio: "ignore" });
  for (let i = 0; i < 50; i++) {
    const up = await once(port, "/nginx/small", {}).catch(() => null);
    if (up?.status === 200) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    port,
    version: version.stderr.trim().replace(/^nginx version: /, ""),
    stop: () => child.kill("SIGQUIT"),
  };
}

async function once(port: number, urlPath: string, headers: Record<string, string>) {
  return new Promise<{ status: number; etag: string | undefined }>((resolve, reject) => {
    const req = httpRequest({ host: "127.0.0.1", port, path: urlPath, headers }, (res) => {
      res.resume();
      res.on("end", () => resolve({ status: res.statusCode ?? 0, etag: res.headers.etag }));
    });
    req.on("error", reject);
    req.end();
  });
}
