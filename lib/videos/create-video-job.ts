import "server-only";
import { db } from "@/lib/db";
import { BudgetExceededError, lockAndCheckBudget, type SubmitToken } from "@/lib/teams/budget";
import type { Role } from "@/lib/teams/roles";
import { estimateCents } from "@/lib/models";
import { mediaRelativePath, writeMediaAtomically } from "@/lib/storage/media-store";
import { resolveOfferedModel } from "./offers";
import { addTaskEvent, CREATE_SENT_EVENT } from "./task-events";
import { readCards } from "./card-rows";
import { toVideoDto } from "./task-dto";
import { authorizeVideo } from "./video-access";
import { validateVideoRequest, VideoRequestError, type ReferenceImage } from "./validate-video-request";
import { crashPoint } from "./crash-point";
import { sendCreate } from "./send-create";
import { waitForRoom } from "./submit-queue";
import { leaseUntil, whileHoldingLease } from "./task-lease";
import type { VideoDto } from "./video-dto";

export { BudgetExceededError, VideoRequestError };
export { CREATE_SENT_EVENT, failSubmission } from "./send-create";

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
  /** Made through the studio's API with this token: its monthly cap applies too, and the task keeps it. */
  apiToken?: SubmitToken;
};

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
      await lockAndCheckBudget(tx, input.teamId, input.userId, costCents, now, input.apiToken);
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
          apiTokenId: input.apiToken?.id ?? null,
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
  });
  const [row] = await readCards({ teamId: input.teamId, ids: [taskId], withDeleted: true });
  if (!row) throw new Error(`task ${taskId} vanished after its submit`);
  return { task: toVideoDto(row, viewer), created: true };
}

async function findByKey(teamId: string, idempotencyKey: string) {
  const [row] = await readCards({ teamId, idempotencyKey, withDeleted: true });
  return row ?? null;
}

function isUniqueViolation(error: unknown): boolean {
  return (
    typeof error === "object" && error !== null && "code" in error && (error as { code: unknown }).code === "P2002"
  );
}
