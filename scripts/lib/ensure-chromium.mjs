import { execSync } from "node:child_process";
import { existsSync } from "node:fs";

/** Debian's chromium is the browser for tests (Playwright's own download cannot reach its host). */
export function ensureChromium(path = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium") {
  if (existsSync(path)) return;
  console.log("Installing Debian's chromium for the browser tests…");
  const sudo = process.getuid && process.getuid() !== 0 ? "sudo " : "";
  execSync(`${sudo}apt-get update -qq && ${sudo}env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium`, {
    stdio: "inherit",
  });
  if (!existsSync(path)) throw new Error(`chromium is still missing at ${path}`);
}
