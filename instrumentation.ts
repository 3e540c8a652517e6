// Next.js calls register() once per server process: start the background work that polls and
// archives tasks with no one watching (lib/engine: pg-boss on PostgreSQL, the sweep on SQLite).
// Node runtime only.
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { startBackgroundWork } = await import("./lib/engine");
  await startBackgroundWork().catch((error: unknown) => {
    // The studio still serves pages; tasks move when a page asks (the status route) until a restart.
    console.error("[engine] could not start background work:", error);
  });
}
