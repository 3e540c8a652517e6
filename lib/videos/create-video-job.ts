import "server-only";
import { randomUUID } from "node:crypto";
import { inTurn } from "@/lib/async/in-turn";
import { db } from "@/lib/db";
import type { Tx } from "@/lib/db/client";
import { BudgetExceededError, lockAndCheckBudget, type SubmitToken } from "@/lib/teams/budget";
import type { Role } from "@/lib/teams/roles";
import { estimateCents } from "@/lib/models";
import { mediaRelativePath, writeMediaAtomically } from "@/lib/storage/media-store";
import { resolveOfferedModel, type ResolvedModel } from "./offers";
import { addTaskEvent, CREATE_SENT_EVENT } from "./task-events";
import { readCards } from "./card-rows";
import { toVideoDto, type ViewerContext } from "./task-dto";
import { authorizeVideo } from "./video-access";
import { validateVideoRequest, VideoRequestError, type ReferenceImage } from "./validate-video-request";
import { crashPoint } from "./crash-point";
import { wakeTask } from "@/lib/engine/wake";
import { pollDelayMs } from "./poll-schedule";
import { sendCreate } from "./send-create";
import { waitForRoom } from "./submit-queue";
import { leaseUntil, whileHoldingLease } from "./task-lease";
import type { VideoDto } from "./video-dto";

export { BudgetExceededError, VideoRequestError };
export { CREATE_SENT_EVENT, failSubmission } from "./send-create";

/** How a task came from another (VideoTask.sourceKind); a remix is VideoTask.remixOfTaskId. */
export type SourceKind = "settings" | "retry" | "variation";

export type CreateVideoJobInput = {
  teamId: string;
  userId: string;
  /** Ignored: the role is read from the database by `authorize(…, "videos.create")`, never defaulted. */
  role?: Role;
  idempotencyKey: string;
  /** The connection to generate on; without it, the team's first active connection offering the model. */
  connectionId?: string;
  model: string;
  size: string;
  seconds: number;
  prompt: string;
  referenceImage?: ReferenceImage;
  /** The last frame, for models that take a first and a last image. */
  lastFrameImage?: ReferenceImage;
  /** Set by remixVideo: the provider job to remix instead of a fresh create (on the source's connection). */
  remixOf?: { taskId: string; providerJobId: string; connectionId: string };
  /**
   * The task this one was made from: "use these settings again" (settings) or a retry (retry.ts).
   * Kept only when that task is of the same team (decision 080); a variation set says "variation".
   */
  source?: { taskId: string; kind: Exclude<SourceKind, "variation"> };
  /** Made through the studio's API: its monthly cap applies too, and the task keeps it. */
  apiToken?: SubmitToken;
};

/** The idempotency key of the i-th task of a set (the first keeps the form's key). */
export function setMemberKey(key: string, index: number): string {
  return index === 0 ? key : `${key}:v${index + 1}`;
}

const EXT: Record<string, string> = { "image/jpeg": "jpg", "image/png": "png", "image/webp": "webp" };

/** One task (createVideoJob) or a set of variations (variations.ts): the same path for both. */
type SetPlan = { count: number; variationGroupId: string | null };

/**
 * Submit, in the order that loses nothing: (1) the task row with its budget reservation, in one
 * transaction, due for the engine at once but leased to this call; (2) a "create_sent" event, then
 * the provider call, never retried; (3) the provider's id and status. A repeated idempotency key
 * returns the first task. An unknown outcome (timeout, dropped connection) is left as
 * submit_unknown for reconcile-submission.ts, which looks the job up instead of resubmitting. If
 * the process dies anywhere in between, the lease runs out within seconds and the engine takes
 * the task over (sync-video-status.ts): no "create_sent" → failed at once, released; otherwise
 * reconciled like an unknown outcome. See docs/decisions/006-crash-safe-submit.md.
 */
export async function createVideoJob(input: CreateVideoJobInput): Promise<{ task: VideoDto; created: boolean }> {
  const { tasks, created } = await submitVideoSet(input, { count: 1, variationGroupId: null });
  return { task: tasks[0]!, created };
}

/**
 * `count` tasks of the same settings, all or none: every row and the reservation of the whole set
 * in one transaction (the budget checked once for the sum), then each sent in turn, every task
 * leased to this call until its own create has gone (decision 081). A repeated key returns the set.
 */
export async function submitVideoSet(
  input: CreateVideoJobInput,
  plan: SetPlan,
): Promise<{ tasks: VideoDto[]; created: boolean }> {
  // Non-members and unknown teams: TeamAccessError("not_found"); a role without videos.create: "forbidden".
  const viewer = await authorizeVideo(input, "videos.create");
  const keys = Array.from({ length: plan.count }, (_, i) => setMemberKey(input.idempotencyKey, i));
  const existing = await findByKeys(viewer, keys);
  if (existing) return { tasks: existing, created: false };

  const offered = input.remixOf
    ? await resolveOfferedModel(db, input.teamId, input.remixOf.connectionId, input.model, { includeArchived: true })
    : await resolveOfferedModel(db, input.teamId, input.connectionId, input.model);
  const { prompt } = validateVideoRequest(offered.model, input);
  const estimate = estimateCents(offered.model, { size: input.size, seconds: input.seconds }, offered.override);
  if (!estimate.offered) throw new VideoRequestError("seconds", "notPriced", { model: input.model });
  const costCents = estimate.cents;
  const sourceTaskId = input.source ? await sameTeamTask(input.teamId, input.source.taskId) : null;
  const sourceKind: SourceKind | null = plan.variationGroupId ? "variation" : sourceTaskId ? input.source!.kind : null;
  let lease = leaseUntil(new Date());

  let taskIds: string[];
  try {
    // One submit transaction per team at a time in this process: they queue on the team's row
    // lock anyway, and a burst (an API client sending 16 at once) must not hold every pooled
    // connection while waiting, or the sends that follow find none.
    taskIds = await inTurn(`submit:${input.teamId}`, () => {
      // Stamped when its turn comes: the lease must not have run out while it waited.
      const now = new Date();
      lease = leaseUntil(now);
      return db.$transaction(async (tx) => {
        // The whole set's cost against every cap at once: a set that does not fit reserves nothing.
        await lockAndCheckBudget(tx, input.teamId, input.userId, costCents * plan.count, now, input.apiToken);
        const ids: string[] = [];
        for (const idempotencyKey of keys)
          ids.push(
            await insertTask(tx, input, offered, {
              idempotencyKey,
              prompt,
              costCents,
              now,
              lease,
              sourceTaskId,
              sourceKind,
              variationGroupId: plan.variationGroupId,
            }),
          );
        return ids;
        // Instances still queue on the row lock: longer than Prisma's default 5 s.
      }, SUBMIT_TRANSACTION);
    });
  } catch (error) {
    // Two clicks raced past the first check: the loser returns the winner's tasks.
    const raced = isUniqueViolation(error) ? await findByKeys(viewer, keys) : null;
    if (raced) return { tasks: raced, created: false };
    throw error;
  }

  crashPoint("submit:task-saved");
  await holdingLeases(taskIds, lease, async () => {
    for (const taskId of taskIds) await sendTask(taskId, input, offered, prompt);
  });
  const rows = await readCards({ teamId: input.teamId, ids: taskIds, withDeleted: true });
  const tasks = taskIds.map((id) => {
    const row = rows.find((r) => r.id === id);
    if (!row) throw new Error(`task ${id} vanished after its submit`);
    return toVideoDto(row, viewer);
  });
  return { tasks, created: true };
}

const SUBMIT_TRANSACTION = { timeout: 15_000 };

/** A new variation group's id. */
export function newVariationGroupId(): string {
  return randomUUID();
}

type Insert = {
  idempotencyKey: string;
  prompt: string;
  costCents: number;
  now: Date;
  lease: Date;
  sourceTaskId: string | null;
  sourceKind: SourceKind | null;
  variationGroupId: string | null;
};

async function insertTask(tx: Tx, input: CreateVideoJobInput, offered: ResolvedModel, row: Insert): Promise<string> {
  const task = await tx.videoTask.create({
    data: {
      teamId: input.teamId,
      createdById: input.userId,
      idempotencyKey: row.idempotencyKey,
      connectionId: offered.connectionId,
      channel: offered.preset.id,
      model: input.model,
      size: input.size,
      seconds: input.seconds,
      prompt: row.prompt,
      remixOfTaskId: input.remixOf?.taskId ?? null,
      sourceTaskId: row.sourceTaskId,
      sourceKind: row.sourceKind,
      variationGroupId: row.variationGroupId,
      apiTokenId: input.apiToken?.id ?? null,
      status: "submitting",
      estimateCents: row.costCents,
      reservedCents: row.costCents,
      submittedAt: row.now,
      nextPollAt: row.now,
      pollLeaseUntil: row.lease,
    },
    select: { id: true },
  });
  // The engine's first look comes with the row (lib/engine/wake.ts): the first poll once the create
  // is sent, or the takeover of a submit whose process died (its lease runs out).
  await wakeTask(tx, task.id, "poll", new Date(row.now.getTime() + pollDelayMs(0)));
  await addTaskEvent(tx, task.id, {
    type: "submitted",
    status: "submitting",
    message: `${input.model} · ${input.size} · ${input.seconds} s`,
    at: row.now,
  });
  return task.id;
}

/** Runs `work` while every task's lease is renewed (each stops once its own send clears it). */
async function holdingLeases(taskIds: string[], lease: Date, work: () => Promise<void>): Promise<void> {
  const [first, ...rest] = taskIds;
  if (!first) return work();
  return whileHoldingLease(first, "pollLeaseUntil", lease, () => holdingLeases(rest, lease, work));
}

async function sendTask(taskId: string, input: CreateVideoJobInput, offered: ResolvedModel, prompt: string) {
  // The images are kept with the task: a job that waits its turn is sent from them later.
  const references: { bytes: Buffer; mimeType: string; frame: "first" | "last" }[] = [];
  for (const [frame, image, column] of [
    ["first", input.referenceImage, "referenceImagePath"],
    ["last", input.lastFrameImage, "lastFrameImagePath"],
  ] as const) {
    if (!image) continue;
    const ext = EXT[image.mimeType] ?? "img";
    const relative = mediaRelativePath(input.teamId, taskId, "reference", frame === "first" ? ext : `last.${ext}`);
    await writeMediaAtomically(relative, [image.bytes], () => undefined);
    await db.videoTask.update({ where: { id: taskId }, data: { [column]: relative } });
    references.push({ bytes: image.bytes, mimeType: image.mimeType, frame });
  }
  // A provider with its own limits (API易 官逆: 10 a minute, 5 running) gets the job when it
  // has room: the task waits, and the engine sends it (submit-queue.ts).
  if (await waitForRoom(taskId, offered.connectionId, offered.preset, new Date())) return;
  await addTaskEvent(db, taskId, { type: CREATE_SENT_EVENT });
  crashPoint("submit:sending");
  await sendCreate(taskId, offered.connectionId, { ...input, prompt, references, remixOf: input.remixOf });
}

/** The set made with these keys, in key order, or null when none exists yet. */
async function findByKeys(viewer: ViewerContext, keys: string[]): Promise<VideoDto[] | null> {
  const [first] = await readCards({ teamId: viewer.teamId, idempotencyKey: keys[0]!, withDeleted: true });
  if (!first) return null;
  if (keys.length === 1) return [toVideoDto(first, viewer)];
  const rows = await db.videoTask.findMany({
    where: { teamId: viewer.teamId, idempotencyKey: { in: keys } },
    select: { id: true, idempotencyKey: true },
  });
  const order = rows.sort((a, b) => keys.indexOf(a.idempotencyKey) - keys.indexOf(b.idempotencyKey)).map((r) => r.id);
  const cards = await readCards({ teamId: viewer.teamId, ids: order, withDeleted: true });
  return order.flatMap((id) => cards.filter((c) => c.id === id).map((c) => toVideoDto(c, viewer)));
}

/** The id when that task belongs to the team (deleted or not), else null: lineage never crosses teams. */
async function sameTeamTask(teamId: string, taskId: string): Promise<string | null> {
  if (!taskId || taskId.length > 64) return null;
  const row = await db.videoTask.findFirst({ where: { id: taskId, teamId }, select: { id: true } });
  return row?.id ?? null;
}

function isUniqueViolation(error: unknown): boolean {
  return (
    typeof error === "object" && error !== null && "code" in error && (error as { code: unknown }).code === "P2002"
  );
}
