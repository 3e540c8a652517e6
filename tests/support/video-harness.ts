import { randomUUID } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import { db } from "@/lib/db";
import { createUserWithTeam } from "@/lib/auth/sign-up";
import { syncDueTasks } from "@/lib/videos/sync-video-status";
import { archiveDueTasks } from "@/lib/videos/archive-video";
import type { Role } from "@/lib/teams/roles";

// Real pieces only: users and teams through the product's own functions, the provider is the
// simulator over HTTP (tests/support/integration-setup-file.ts), the sweep is driven by hand.

export async function newTeam(name = "Team") {
  const email = `owner-${randomUUID()}@example.test`;
  const { user, team } = await createUserWithTeam(db, { name: "Owner", email, password: "password-123" }, name, "en");
  return { owner: user, team };
}

export async function addMember(teamId: string, role: Role = "MEMBER") {
  const user = await db.user.create({
    data: { email: `${role.toLowerCase()}-${randomUUID()}@example.test`, name: role },
  });
  await db.membership.create({ data: { teamId, userId: user.id, role } });
  return user;
}

const control = () => process.env.SIMULATOR_CONTROL_URL!;

export type SimulatorStats = {
  total: number;
  byEndpoint: Record<string, number>;
  byJob: Record<string, Record<string, number>>;
};

export async function simulatorStats(): Promise<SimulatorStats> {
  return (await fetch(`${control()}/stats`)).json() as Promise<SimulatorStats>;
}

export async function setFaults(rules: string): Promise<void> {
  const res = await fetch(`${control()}/faults`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ rules }),
  });
  if (!res.ok) throw new Error(`setting faults failed: ${res.status} ${await res.text()}`);
}

export async function clearFaults(): Promise<void> {
  await fetch(`${control()}/faults`, { method: "DELETE" });
}

export function taskRow(taskId: string) {
  return db.videoTask.findUniqueOrThrow({
    where: { id: taskId },
    include: { charge: true, events: { orderBy: { createdAt: "asc" } } },
  });
}

/** Runs the sweep for one task until `done` holds for its row, or fails after `timeoutMs`. */
export async function driveUntil(
  taskId: string,
  done: (row: Awaited<ReturnType<typeof taskRow>>) => boolean,
  timeoutMs = 30_000,
) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    await syncDueTasks({ taskIds: [taskId] });
    await archiveDueTasks({ taskIds: [taskId] });
    const row = await taskRow(taskId);
    if (done(row)) return row;
    if (Date.now() > deadline)
      throw new Error(
        `task ${taskId} did not get there: status=${row.status} archive=${row.archiveStatus} (${row.archiveError ?? ""})`,
      );
    await sleep(40);
  }
}

export const key = () => randomUUID();
