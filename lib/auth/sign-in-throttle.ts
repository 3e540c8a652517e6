import type { Db } from "@/lib/db/client";

// Failed sign-ins are counted per e-mail and per client address in the database (so the limit
// holds across server processes). After `maxFailures` within the window, that key is refused
// until `lockSeconds` pass. An address gets more room than one e-mail: several people may share it.
export type ThrottlePolicy = { maxFailures: number; lockSeconds: number };

export type ThrottleKeys = { email: string; ip: string };

const IP_FACTOR = 4;

function keysOf(k: ThrottleKeys): { key: string; limit: (p: ThrottlePolicy) => number }[] {
  return [
    { key: `email:${k.email.trim().toLowerCase()}`, limit: (p) => p.maxFailures },
    { key: `ip:${k.ip}`, limit: (p) => p.maxFailures * IP_FACTOR },
  ];
}

/** Seconds until sign-in is allowed again for these keys, or 0 when it is allowed now. */
export async function secondsLocked(db: Db, keys: ThrottleKeys, now = new Date()): Promise<number> {
  const rows = await db.signInThrottle.findMany({ where: { key: { in: keysOf(keys).map((k) => k.key) } } });
  const until = Math.max(0, ...rows.map((r) => r.lockedUntil?.getTime() ?? 0));
  return until > now.getTime() ? Math.ceil((until - now.getTime()) / 1000) : 0;
}

export async function recordFailure(
  db: Db,
  keys: ThrottleKeys,
  policy: ThrottlePolicy,
  now = new Date(),
): Promise<void> {
  for (const { key, limit } of keysOf(keys)) {
    await db.$transaction(async (tx) => {
      const row = await tx.signInThrottle.findUnique({ where: { key } });
      const windowOpen = row && now.getTime() - row.windowStart.getTime() < policy.lockSeconds * 1000;
      const failures = windowOpen ? row.failures + 1 : 1;
      const lockedUntil = failures >= limit(policy) ? new Date(now.getTime() + policy.lockSeconds * 1000) : null;
      await tx.signInThrottle.upsert({
        where: { key },
        create: { key, failures, windowStart: now, lockedUntil },
        update: { failures, windowStart: windowOpen ? row.windowStart : now, lockedUntil },
      });
    });
  }
}

export async function recordSuccess(db: Db, keys: ThrottleKeys): Promise<void> {
  await db.signInThrottle.deleteMany({ where: { key: keysOf(keys)[0]!.key } });
}
