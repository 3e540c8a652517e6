import "server-only";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { BudgetExceededError, lockAndCheckBudget } from "@/lib/teams/budget";
import type { Role } from "@/lib/teams/roles";
import { estimateCents } from "@/lib/models";
import { CONNECTION_ROW_SELECT, providerForConnection, type ConnectionRow } from "@/lib/upstream/connections";
import { ProviderNotConfiguredError } from "@/lib/upstream/provider-client";
import type { ProviderJob } from "@/lib/upstream/provider-job";
import { classifyProviderError } from "@/lib/upstream/provider-errors";
import { mediaRelativePath, writeMediaAtomically } from "@/lib/storage/media-store";
import { resolveOfferedModel } from "./offers";
import { addTaskEvent } from "./task-events";
import { TASK_DTO_SELECT, toVideoDto } from "./task-dto";
import { authorizeVideo } from "./video-access";
import { validateVideoRequest, VideoRequestError, type ReferenceImage } from "./validate-video-request";
import { applyProviderVideo } from "./apply-provider-video";
import { crashPoint } from "./crash-point";
import { leaseUntil, whileHoldingLease } from "./task-lease";
import type { VideoDto } from "./video-dto";

export { BudgetExceededError, VideoRequestError };

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
  /** Set by remixVideo: the provider job to remix instead of a fresh create (on the source's connection). */
  remixOf?: { taskId: string; providerJobId: string; connectionId: string };
};

/** Written just before the create leaves: without it, a task interrupted by a crash never reached the provider. */
export const CREATE_SENT_EVENT = "create_sent";

const EXT: Record<string, string> = { "image/jpeg": "jpg", "image/png": "png", "image/webp": "webp" };

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
  // Non-members and unknown teams: TeamAccessError("not_found"); a role without videos.create: "forbidden".
  const viewer = await authorizeVideo(input, "videos.create");
  const existing = await findByKey(input.teamId, input.idempotencyKey);
  if (existing) return { task: toVideoDto(existing, viewer), created: false };

  const offered = input.remixOf
    ? await resolveOfferedModel(db, input.teamId, input.remixOf.connectionId, input.model, { includeArchived: true })
    : await resolveOfferedModel(db, input.teamId, input.connectionId, input.model);
  const { prompt } = validateVideoRequest(offered.model, input);
  const estimate = estimateCents(offered.model, { size: input.size, seconds: input.seconds }, offered.override);
  if (!estimate.offered) throw new VideoRequestError("seconds", "notPriced", { model: input.model });
  const costCents = estimate.cents;
  const now = new Date();
  const lease = leaseUntil(now);

  let taskId: string;
  try {
    taskId = await db.$transaction(async (tx) => {
      await lockAndCheckBudget(tx, input.teamId, input.userId, costCents, now);
      const task = await tx.videoTask.create({
        data: {
          teamId: input.teamId,
          createdById: input.userId,
          idempotencyKey: input.idempotencyKey,
          connectionId: offered.connectionId,
          channel: offered.preset.id,
          model: input.model,
          size: input.size,
          seconds: input.seconds,
          prompt,
          remixOfTaskId: input.remixOf?.taskId ?? null,
          status: "submitting",
          estimateCents: costCents,
          reservedCents: costCents,
          submittedAt: now,
          nextPollAt: now,
          pollLeaseUntil: lease,
        },
        select: { id: true },
      });
      await addTaskEvent(tx, task.id, {
        type: "submitted",
        status: "submitting",
        message: `${input.model} · ${input.size} · ${input.seconds} s`,
        at: now,
      });
      return task.id;
    });
  } catch (error) {
    // Two clicks raced past the first check: the loser returns the winner's task.
    const raced = isUniqueViolation(error) ? await findByKey(input.teamId, input.idempotencyKey) : null;
    if (raced) return { task: toVideoDto(raced, viewer), created: false };
    throw error;
  }

  crashPoint("submit:task-saved");
  await whileHoldingLease(taskId, "pollLeaseUntil", lease, async () => {
    if (input.referenceImage) {
      const relative = mediaRelativePath(
        input.teamId,
        taskId,
        "reference",
        EXT[input.referenceImage.mimeType] ?? "img",
      );
      await writeMediaAtomically(relative, [input.referenceImage.bytes], () => undefined);
      await db.videoTask.update({ where: { id: taskId }, data: { referenceImagePath: relative } });
    }
    await addTaskEvent(db, taskId, { type: CREATE_SENT_EVENT });
    crashPoint("submit:sending");
    const connection = await db.providerConnection.findUnique({
      where: { id: offered.connectionId },
      select: CONNECTION_ROW_SELECT,
    });
    await callProvider(taskId, connection, { ...input, prompt });
  });
  const row = await db.videoTask.findUniqueOrThrow({ where: { id: taskId }, select: TASK_DTO_SELECT });
  return { task: toVideoDto(row, viewer), created: true };
}

async function callProvider(taskId: string, row: ConnectionRow | null, input: CreateVideoJobInput): Promise<void> {
  let video: ProviderJob;
  try {
    const { adapter, connection } = providerForConnection(row);
    const options = { timeoutMs: env.createTimeoutMs };
    if (input.remixOf) {
      if (!adapter.remix) throw new ProviderNotConfiguredError("unknown_dialect");
      video = await adapter.remix(connection, input.remixOf.providerJobId, input.prompt, options);
    } else {
      const ref = input.referenceImage;
      video = await adapter.create(
        connection,
        {
          prompt: input.prompt,
          model: input.model,
          size: input.size,
          seconds: input.seconds,
          references: ref ? [{ bytes: ref.bytes, mimeType: ref.mimeType, frame: "first" }] : [],
        },
        options,
      );
    }
  } catch (error) {
    if (error instanceof ProviderNotConfiguredError) {
      await failSubmission(taskId, "provider_not_configured", error.message);
      return;
    }
    const failure = classifyProviderError(error);
    if (failure.outcome === "unknown") {
      await db.$transaction(async (tx) => {
        await tx.videoTask.update({
          where: { id: taskId },
          data: { status: "submit_unknown", nextPollAt: new Date(Date.now() + 2_000), pollLeaseUntil: null },
        });
        await addTaskEvent(tx, taskId, { type: "submit_unknown", status: "submit_unknown", message: failure.message });
      });
      return;
    }
    await failSubmission(taskId, failure.code, failure.message);
    return;
  }
  crashPoint("submit:accepted");
  await db.$transaction(async (tx) => {
    // Only if this call lost its lease (a stall longer than a lease) and the engine meanwhile gave
    // the task up as lost: the job exists after all, so it is adopted, not orphaned.
    await tx.videoTask.updateMany({
      where: { id: taskId, status: "failed", providerJobId: null },
      data: { errorCode: null, errorMessage: null },
    });
    await applyProviderVideo(tx, taskId, video, new Date(), { linkJob: true });
    await tx.videoTask.update({ where: { id: taskId }, data: { pollLeaseUntil: null } });
  });
  crashPoint("submit:linked");
}

/** The provider refused the job: it failed, and its reservation is released (nothing charged). */
export async function failSubmission(taskId: string, code: string, message: string): Promise<void> {
  await db.$transaction(async (tx) => {
    await tx.videoTask.update({
      where: { id: taskId },
      data: {
        status: "failed",
        errorCode: code,
        errorMessage: message.slice(0, 2000),
        reservedCents: 0,
        nextPollAt: null,
        pollLeaseUntil: null,
      },
    });
    await addTaskEvent(tx, taskId, { type: "failed", status: "failed", message: `${code}: ${message}` });
  });
}

function findByKey(teamId: string, idempotencyKey: string) {
  return db.videoTask.findUnique({
    where: { teamId_idempotencyKey: { teamId, idempotencyKey } },
    select: TASK_DTO_SELECT,
  });
}

function isUniqueViolation(error: unknown): boolean {
  return (
    typeof error === "object" && error !== null && "code" in error && (error as { code: unknown }).code === "P2002"
  );
}
