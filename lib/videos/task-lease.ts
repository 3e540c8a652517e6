import "server-only";
import { db } from "@/lib/db";
import { env } from "@/lib/env";

// A task is worked on by one process at a time: whoever holds its lease (a time in the row).
// Leases are short and renewed while the work runs, so a process that dies (kill -9, power
// loss) frees its tasks within one lease, and another process — or the same one restarted —
// picks them up within seconds instead of minutes. STUDIO_POLL_SCALE shrinks them for tests.

export type LeaseField = "pollLeaseUntil" | "archiveLeaseUntil";

export function leaseMs(scale = env.pollScale): number {
  return Math.max(5_000, 20_000 * scale);
}

export function leaseUntil(from: Date | number, scale = env.pollScale): Date {
  return new Date((typeof from === "number" ? from : from.getTime()) + leaseMs(scale));
}

/**
 * Runs `work` while renewing the lease `held` (the value this caller wrote) every quarter lease.
 * A renewal only replaces the value this caller last wrote: once `work` (or anyone) clears or
 * takes the lease, a renewal still on its way changes nothing.
 */
export async function whileHoldingLease<T>(
  taskId: string,
  field: LeaseField,
  held: Date,
  work: () => Promise<T>,
): Promise<T> {
  let current = held;
  let renewal: Promise<unknown> = Promise.resolve();
  const timer = setInterval(() => {
    const next = leaseUntil(Date.now());
    renewal = renewal
      .then(() => db.videoTask.updateMany({ where: { id: taskId, [field]: current }, data: { [field]: next } }))
      .then((result) => {
        if (result.count === 1) current = next;
      })
      .catch((error: unknown) => console.error(`[lease] task ${taskId}:`, error));
  }, leaseMs() / 4);
  try {
    return await work();
  } finally {
    clearInterval(timer);
    await renewal;
  }
}
