import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { waitForHttp } from "../../scripts/multi-instance/processes";

// The framework's floor for bench/lighthouse.ts: a blank Next.js app (one server-rendered page
// with a heading and a paragraph, no client component, no CSS), built by the studio's own `next`
// and React (node_modules linked) in a scratch folder and run by `next start`. Whatever score it
// gets on this machine is what Next.js's runtime alone leaves; no page of the studio can be
// expected to score above it.

const FILES: Record<string, string> = {
  "package.json": JSON.stringify({ name: "blank-next", private: true, type: "module" }),
  // node_modules is a link to the studio's: Turbopack must be allowed to read beyond the folder.
  "next.config.mjs": `export default { turbopack: { root: "/" } };\n`,
  "tsconfig.json": JSON.stringify({
    compilerOptions: {
      target: "ES2022",
      lib: ["dom", "esnext"],
      jsx: "react-jsx",
      module: "esnext",
      moduleResolution: "bundler",
      strict: true,
      skipLibCheck: true,
      noEmit: true,
      isolatedModules: true,
      esModuleInterop: true,
    },
    include: ["**/*.tsx"],
    exclude: ["node_modules"],
  }),
  "app/layout.tsx": `export const metadata = { title: "Blank", description: "A blank Next.js page" };
export default function Layout({ children }: { children: React.ReactNode }) {
  return (<html lang="en"><body>{children}</body></html>);
}
`,
  "app/page.tsx": `export default function Page() {
  return (<main><h1>Sign in</h1><p>A blank Next.js page: what the framework alone costs.</p></main>);
}
`,
};

/** Builds the blank app and starts it on `port`; resolves when it answers. */
export async function startBlankNext(studioRoot: string, port: number): Promise<{ url: string; server: ChildProcess }> {
  const dir = mkdtempSync(path.join(tmpdir(), "studio-blank-next-"));
  for (const [file, text] of Object.entries(FILES)) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), text);
  }
  symlinkSync(path.join(studioRoot, "node_modules"), path.join(dir, "node_modules"));
  const next = path.join(studioRoot, "node_modules/.bin/next");
  const env: NodeJS.ProcessEnv = { ...process.env, NEXT_TELEMETRY_DISABLED: "1", NODE_ENV: "production" };
  const built = spawnSync(next, ["build"], { cwd: dir, env, encoding: "utf8" });
  if (built.status !== 0) throw new Error(`the blank Next.js app did not build:\n${built.stdout}\n${built.stderr}`);
  const server = spawn(next, ["start", "-p", String(port)], { cwd: dir, env, stdio: "ignore", detached: true });
  const url = `http://localhost:${port}/`;
  const exited = new Promise<number | null>((resolve) => server.once("exit", resolve));
  await waitForHttp(url, 60_000, { name: "the blank Next.js app", process: server, exited });
  return { url, server };
}
