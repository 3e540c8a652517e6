// Next.js calls register() once per server process: start the sweep that polls and archives
// tasks with no one watching (lib/videos/sweep.ts). Node runtime only.
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { startSweeper } = await import("./lib/videos/sweep");
  startSweeper();
}
