// Two studio instances of one build behind nginx, on PostgreSQL and a real S3 server, proven
// (issue 12, item 5; docs/deploy.md §4, decision 120). Starts everything, runs the scenario
// (scenario.ts), prints figures and checks, stops everything it started, exits 1 on a failed check.
//
//   npm run test:multi-instance                       (root or sudo: apt-get, PostgreSQL, Swift)
//
// Settings (all optional): MI_DIR (.data/multi-instance), MI_DIST_DIR (.next-multi; CI passes the
// browser tests' .next, built from the same sources), MI_PORT (3870: nginx; +1, +2 the instances,
// +3, +4 the simulator), MI_S3_PORT (18180), MI_PG_DB (studio_multi_instance), MI_JOBS (100),
// MI_VIEWERS (50), MI_POLL_SCALE (0.2), MI_TIME_SCALE (1, the simulator's clock), MI_BUILD=keep
// (use the build in MI_DIST_DIR even when sources are newer).
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { withServerMemoryDefaults } from "../../lib/config/server-memory";
import { buildState } from "../lib/build-stamp";
import { run, sleep, start, stopAll, signal, waitForHttp, type Child } from "./processes";
import { runScenario, type Cluster } from "./scenario";

const root = path.resolve(import.meta.dirname, "../..");
const dir = path.resolve(root, process.env.MI_DIR ?? ".data/multi-instance");
const distDir = process.env.MI_DIST_DIR ?? ".next-multi";
const port = Number(process.env.MI_PORT ?? 3870);
const ports = { nginx: port, a: port + 1, b: port + 2, simA: port + 3, simB: port + 4 };
const pollScale = Number(process.env.MI_POLL_SCALE ?? 0.2);
const logs = path.join(dir, "logs");
const s3Env = { ...process.env, S3_TEST_DIR: path.join(dir, "s3"), S3_TEST_PORT: process.env.MI_S3_PORT ?? "18180" };
const t0 = Date.now();
const step = (text: string) => console.log(`[${((Date.now() - t0) / 1000).toFixed(1).padStart(6)} s] ${text}`);

rmSync(dir, { recursive: true, force: true });
mkdirSync(logs, { recursive: true });

// nginx from Debian's packages, like the other servers the tests use.
if (!existsSync("/usr/sbin/nginx")) {
  step("installing nginx (apt-get)");
  const sudo = process.getuid?.() === 0 ? [] : ["sudo"];
  const apt = (...args: string[]) => run(sudo[0] ?? "apt-get", sudo.length ? ["apt-get", ...args] : args);
  apt("update", "-qq");
  run("env", [
    ...sudo,
    "DEBIAN_FRONTEND=noninteractive",
    "apt-get",
    "install",
    "-y",
    "-qq",
    "--no-install-recommends",
    "nginx",
  ]);
}

// One build for both instances: same action ids, same action encryption key (it is in the build's
// server-reference-manifest.json), same pages. Built again only when sources are newer than it.
const build = buildState(root, path.join(root, distDir));
const mustBuild = build.stale && process.env.MI_BUILD !== "keep";
if (mustBuild) {
  step(`building into ${distDir} (next build)`);
  run(path.join(root, "node_modules/.bin/next"), ["build"], {
    ...process.env,
    STUDIO_DIST_DIR: distDir,
    NEXT_TELEMETRY_DISABLED: "1",
  });
  build.markBuilt();
}
const manifest = JSON.parse(
  readFileSync(path.join(root, distDir, "server/server-reference-manifest.json"), "utf8"),
) as {
  encryptionKey?: string;
};
step(
  `build ${readFileSync(path.join(root, distDir, "BUILD_ID"), "utf8").trim()} in ${distDir} (action key in the build: ${manifest.encryptionKey ? "yes" : "no"})`,
);

let exitCode = 1;
let db: pg.Client | undefined;
try {
  const databaseUrl = run("bash", [path.join(root, "scripts/ensure-postgres.sh")], {
    ...process.env,
    PG_TEST_DB: process.env.MI_PG_DB ?? "studio_multi_instance",
  })
    .trim()
    .split("\n")
    .at(-1)!;
  step("PostgreSQL ready (own database)");
  run(path.join(root, "node_modules/.bin/tsx"), [path.join(root, "scripts/migrate.ts")], {
    ...process.env,
    DATABASE_URL: databaseUrl,
  });
  const s3: Record<string, string> = {};
  for (const line of run("bash", [path.join(root, "scripts/ensure-s3.sh")], s3Env).split("\n")) {
    const m = /^export (\w+)=(.*)$/.exec(line.trim());
    if (m) s3[m[1]!] = m[2]!.replace(/^'(.*)'$/, "$1").replace(/^"(.*)"$/, "$1");
  }
  if (!s3.S3_BUCKET) throw new Error("scripts/ensure-s3.sh printed no S3 settings");
  step(`S3 ready (Swift with s3api at ${s3.S3_ENDPOINT}, bucket ${s3.S3_BUCKET})`);

  const simDataDir = path.join(dir, "simulator");
  const simulator = start(
    "simulator",
    path.join(root, "node_modules/.bin/tsx"),
    [path.join(root, "scripts/multi-instance/simulator.ts"), String(ports.simA), String(ports.simB)],
    { ...process.env, SIMULATOR_DATA_DIR: simDataDir, SIMULATOR_TIME_SCALE: process.env.MI_TIME_SCALE ?? "1" },
    logs,
  );
  await waitForHttp(`http://127.0.0.1:${ports.simA}/__harness/calls`, 120_000, simulator);
  step(`simulator ready on ${ports.simA} (instance A) and ${ports.simB} (instance B), shared`);

  // The same settings and secrets on both; only the port, the data folder and which door of the
  // simulator it uses differ (each instance's data folder stays empty of media: they are in S3).
  const shared: NodeJS.ProcessEnv = {
    ...process.env,
    ...s3,
    NODE_ENV: "production" as const,
    NEXT_TELEMETRY_DISABLED: "1",
    STUDIO_DIST_DIR: distDir,
    DATABASE_URL: databaseUrl,
    AUTH_SECRET: randomBytes(32).toString("base64url"),
    PROVIDER_KEY_SECRET: randomBytes(32).toString("base64url"),
    SIMULATOR_STUDIO_KEY: `sk-harness-${randomBytes(12).toString("hex")}`,
    STORAGE_BACKEND: "s3",
    S3_KEY_PREFIX: `multi-instance-${Date.now()}/`,
    STUDIO_POLL_SCALE: String(pollScale),
  };
  const instances: Record<"a" | "b", Child | undefined> = { a: undefined, b: undefined };
  const startInstance = async (name: "a" | "b") => {
    const instancePort = ports[name];
    const child = start(
      `instance-${name}`,
      process.execPath,
      [path.join(root, "node_modules/next/dist/bin/next"), "start", "-p", String(instancePort)],
      // The memory settings `npm start` gives `next start` (decision 134): the recipe for production.
      withServerMemoryDefaults({
        ...shared,
        PORT: String(instancePort),
        STUDIO_INTERNAL_URL: `http://127.0.0.1:${instancePort}`,
        STUDIO_DATA_DIR: path.join(dir, `instance-${name}`),
        SIMULATOR_BASE_URL: `http://127.0.0.1:${name === "a" ? ports.simA : ports.simB}/v1`,
      }),
      logs,
    );
    instances[name] = child;
    await waitForHttp(`http://127.0.0.1:${instancePort}/sign-in`, 120_000, child);
  };
  await Promise.all([startInstance("a"), startInstance("b")]);
  step(`instances A (:${ports.a}) and B (:${ports.b}) ready, one build`);

  const nginxDir = path.join(dir, "nginx");
  mkdirSync(path.join(nginxDir, "tmp"), { recursive: true });
  const conf = readFileSync(path.join(root, "scripts/multi-instance/nginx.conf.template"), "utf8")
    .replaceAll("@DIR@", nginxDir)
    .replaceAll("@PORT@", String(ports.nginx))
    .replaceAll("@PORT_A@", String(ports.a))
    .replaceAll("@PORT_B@", String(ports.b));
  writeFileSync(path.join(nginxDir, "nginx.conf"), conf);
  const nginx = start(
    "nginx",
    "/usr/sbin/nginx",
    ["-p", nginxDir, "-c", path.join(nginxDir, "nginx.conf")],
    process.env,
    logs,
  );
  await waitForHttp(`http://127.0.0.1:${ports.nginx}/sign-in`, 30_000, nginx);
  step(`nginx on :${ports.nginx} (round robin over A and B)`);

  db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  const addrs = { [`127.0.0.1:${ports.a}`]: "A", [`127.0.0.1:${ports.b}`]: "B" };
  const cluster: Cluster = {
    base: `http://127.0.0.1:${ports.nginx}`,
    direct: { a: `http://127.0.0.1:${ports.a}`, b: `http://127.0.0.1:${ports.b}` },
    simulator: `http://127.0.0.1:${ports.simA}`,
    simDataDir,
    db,
    pollScale,
    jobs: Number(process.env.MI_JOBS ?? 100),
    viewers: Number(process.env.MI_VIEWERS ?? 50),
    // nginx names every instance it tried ("127.0.0.1:3871, 127.0.0.1:3872"); the last answered.
    who: (addr) => addrs[addr.split(",").at(-1)!.trim()] ?? addr,
    step,
    kill: () => {
      signal(instances.a!, "SIGKILL");
      return instances.a!.exited.then(() => undefined);
    },
    restart: () => startInstance("a"),
  };
  exitCode = (await runScenario(cluster)) ? 0 : 1;
} catch (error) {
  console.error(error);
} finally {
  await db?.end().catch(() => undefined);
  await stopAll();
  run("bash", [path.join(root, "scripts/ensure-s3.sh"), "stop"], s3Env);
  await sleep(100);
  step(`stopped everything (logs in ${path.relative(root, logs)}); ${exitCode === 0 ? "PASSED" : "FAILED"}`);
}
process.exit(exitCode);
