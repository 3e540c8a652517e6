import { randomUUID } from "node:crypto";
import type { Db } from "@/lib/db/client";

type Value = string | number | null | Date;
type Row = Record<string, Value>;

/** INSERT rows (all with the same keys) in batches; Dates as the Prisma adapters store them. */
export async function insertRows(db: Db, table: string, rows: Row[], postgres: boolean): Promise<void> {
  if (rows.length === 0) return;
  const columns = Object.keys(rows[0]!);
  const perStatement = Math.max(1, Math.floor(30_000 / columns.length));
  for (let start = 0; start < rows.length; start += perStatement) {
    const chunk = rows.slice(start, start + perStatement);
    const values: (string | number | null)[] = [];
    const tuples = chunk.map((row) => {
      const marks = columns.map((column) => {
        const value = row[column] ?? null;
        // SQLite: ISO text with +00:00 (adapter-better-sqlite3); PostgreSQL: timestamp(3) in UTC.
        values.push(
          value instanceof Date ? (postgres ? value.toISOString() : value.toISOString().replace("Z", "+00:00")) : value,
        );
        return postgres ? `$${values.length}` : "?";
      });
      return `(${marks.join(", ")})`;
    });
    await db.$executeRawUnsafe(
      `INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(", ")}) VALUES ${tuples.join(", ")}`,
      ...values,
    );
  }
}

// Seeds teams full of videos shaped like a studio that has been used for a year: almost all
// completed and archived, some failed, a handful running (due for a poll), some archived videos
// past their retention, a few deleted; English and Chinese prompts; a charge per completed video.
// Multi-row INSERTs through the app's own client (Prisma's createMany costs ~0.8 ms a row; this is
// ~30× faster), dates written as each adapter writes them; the search index is kept by the
// database itself (triggers / GIN). Shared by tests/integration/performance/*.test.ts and
// bench/gallery-queries.ts.

export type SeededTeam = {
  teamId: string;
  ownerId: string;
  /** A member of the big team with only a few videos of their own (the "mine" filter). */
  quietMemberId: string;
  memberIds: string[];
  taskCount: number;
};

export type SeedOptions = {
  /** Tasks in the big team. */
  bigTeamTasks: number;
  /** Other teams and their tasks each (the tables hold more than one team). */
  otherTeams?: number;
  otherTeamTasks?: number;
  /** The clock the data is laid out against: the newest video is a few minutes before it. */
  now?: Date;
  batch?: number;
};

const EN = [
  "a red fox running through snow at dawn",
  "aerial shot of a coastal city at night",
  "a cat playing piano in a jazz club",
  "slow motion waves breaking on black sand",
  "a robot watering plants on a balcony",
  "timelapse of clouds over mountain peaks",
  "a paper boat drifting down a rainy street",
  "close-up of coffee being poured into a cup",
];
const ZH = [
  "一只猫在月球上跳舞",
  "夕阳下的长城航拍镜头",
  "雨夜里霓虹灯闪烁的上海街头",
  "熊猫在竹林里吃竹子",
  "一艘纸船顺着雨水漂流",
  "樱花飘落的京都小巷",
];
/** Words that occur in few prompts: what a search for something specific finds. */
export const RARE_EN = "lighthouse keeper";
export const RARE_ZH = "灯塔看守人";
const MODELS = ["sora-2", "sora-2", "sora-2", "sora-2-pro"];
const DAY = 86_400_000;

function promptFor(i: number): string {
  if (i % 997 === 0) return `an old ${RARE_EN} climbing the stairs, ${EN[i % EN.length]}`;
  if (i % 991 === 0) return `${RARE_ZH}在暴风雨中点灯，${ZH[i % ZH.length]}`;
  const base = i % 3 === 0 ? ZH[i % ZH.length]! : EN[i % EN.length]!;
  return `${base} #${i}`;
}

function archivedAtFor(createdAt: Date, running: boolean, failed: boolean, pending: boolean): Date | null {
  return running || failed || pending ? null : new Date(createdAt.getTime() + 90_000);
}

export async function seedVideos(
  db: Db,
  postgres: boolean,
  opts: SeedOptions,
): Promise<{ big: SeededTeam; others: SeededTeam[] }> {
  const now = opts.now ?? new Date();
  const batch = opts.batch ?? 2_000;
  const run = randomUUID().slice(0, 8);
  const makeTeam = async (
    label: string,
    members: number,
    retentionDays: number | null,
  ): Promise<Omit<SeededTeam, "taskCount"> & { retentionDays: number | null }> => {
    const teamId = `seed-${run}-${label}`;
    const userIds = Array.from({ length: members }, (_, m) => `${teamId}-u${m}`);
    await insertRows(
      db,
      "User",
      userIds.map((id) => ({ id, email: `${id}@seed.test`, name: id, createdAt: now, updatedAt: now })),
      postgres,
    );
    await insertRows(
      db,
      "Team",
      [{ id: teamId, name: label, retentionDays, createdAt: now, updatedAt: now }],
      postgres,
    );
    await insertRows(
      db,
      "Membership",
      userIds.map((userId, m) => ({
        id: `${userId}-m`,
        teamId,
        userId,
        role: m === 0 ? "OWNER" : "MEMBER",
        createdAt: now,
      })),
      postgres,
    );
    return {
      teamId,
      ownerId: userIds[0]!,
      quietMemberId: userIds[members - 1]!,
      memberIds: userIds,
      retentionDays,
    };
  };

  const fill = async (
    { retentionDays, ...team }: Omit<SeededTeam, "taskCount"> & { retentionDays: number | null },
    count: number,
  ): Promise<SeededTeam> => {
    const span = 365 * DAY;
    for (let start = 0; start < count; start += batch) {
      const tasks: Row[] = [];
      const charges: Row[] = [];
      for (let i = start; i < Math.min(count, start + batch); i++) {
        // Oldest first, the newest a few minutes ago; ids as the app makes them (cuid-like, random).
        const createdAt = new Date(now.getTime() - 5 * 60_000 - Math.floor(((count - i) / count) * span));
        const fromEnd = count - i;
        const running = fromEnd <= 12;
        const failed = !running && i % 20 === 7;
        const archivePending = !running && !failed && fromEnd <= 20;
        // Retention: what the sweep has already removed is deleted; the last hour's expiries are due.
        const retainUntil =
          retentionDays && archivedAtFor(createdAt, running, failed, archivePending)
            ? new Date(createdAt.getTime() + 90_000 + retentionDays * DAY)
            : null;
        const removed = retainUntil !== null && retainUntil.getTime() < now.getTime() - 3_600_000;
        const deleted = removed || (!running && i % 50 === 3);
        const creator =
          team.memberIds.length > 1 && i % 400 === 11
            ? team.quietMemberId
            : team.memberIds[i % Math.max(1, team.memberIds.length - 1)]!;
        const archivedAt = archivedAtFor(createdAt, running, failed, archivePending);
        const id = `${team.teamId}-t${String(i).padStart(7, "0")}-${randomUUID().slice(0, 6)}`;
        const estimateCents = 40 + (i % 5) * 40;
        const model = i % 211 === 5 ? "sora-2-pro-hd" : MODELS[i % MODELS.length]!;
        tasks.push({
          id,
          teamId: team.teamId,
          createdById: creator,
          idempotencyKey: `${id}-key`,
          channel: "simulator",
          model,
          size: "720x1280",
          seconds: 8,
          prompt: promptFor(i),
          providerJobId: `video_${id}`,
          status: running ? (i % 2 ? "in_progress" : "queued") : failed ? "failed" : "completed",
          progress: running ? 40 : failed ? 0 : 100,
          estimateCents,
          reservedCents: running ? estimateCents : 0,
          submittedAt: createdAt,
          completedAt: running ? null : new Date(createdAt.getTime() + 60_000),
          nextPollAt: running ? new Date(now.getTime() + (i % 3 === 0 ? -1_000 : 5_000)) : null,
          archiveStatus: archivePending ? "pending" : archivedAt ? "done" : "none",
          nextArchiveAt: archivePending ? new Date(now.getTime() - 1_000) : null,
          archivedAt,
          videoPath: archivedAt && !deleted ? `${team.teamId}/${id}/video.mp4` : null,
          retainUntil,
          deletedAt: removed ? retainUntil : deleted ? new Date(createdAt.getTime() + DAY) : null,
          createdAt,
          updatedAt: createdAt,
        });
        if (!running && !failed)
          charges.push({
            id: `${id}-c`,
            teamId: team.teamId,
            userId: creator,
            taskId: id,
            amountCents: estimateCents,
            model,
            size: "720x1280",
            seconds: 8,
            createdAt: new Date(createdAt.getTime() + 60_000),
          });
      }
      await insertRows(db, "VideoTask", tasks, postgres);
      await insertRows(db, "Charge", charges, postgres);
    }
    return { ...team, taskCount: count };
  };

  const big = await fill(await makeTeam("big", 8, null), opts.bigTeamTasks);
  const others: SeededTeam[] = [];
  for (let t = 0; t < (opts.otherTeams ?? 3); t++) {
    others.push(await fill(await makeTeam(`other${t}`, 3, t % 2 ? null : 30), opts.otherTeamTasks ?? 500));
  }
  return { big, others };
}
