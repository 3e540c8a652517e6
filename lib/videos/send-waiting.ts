import "server-only";
import { db } from "@/lib/db";
import { findPreset } from "@/lib/models";
import { referenceContentType } from "@/lib/storage/media-store";
import { readMediaBytes } from "@/lib/storage/media-objects";
import { failSubmission, sendCreate } from "./send-create";
import { runTimeLimitMs } from "./poll-schedule";
import { hasRoom, markWaiting } from "./submit-queue";
import { addTaskEvent, CREATE_SENT_EVENT } from "./task-events";

// The engine's side of the queue (submit-queue.ts): a waiting task whose provider has room now is
// sent, exactly like a fresh submit (create_sent first, then the one call); otherwise it waits on.
// A task that waited longer than its model's time limit fails: nothing was sent, nothing charged.

export async function sendWaitingTask(taskId: string, now: Date): Promise<void> {
  const task = await db.videoTask.findUniqueOrThrow({
    where: { id: taskId },
    select: {
      connectionId: true,
      channel: true,
      model: true,
      size: true,
      seconds: true,
      prompt: true,
      referenceImagePath: true,
      lastFrameImagePath: true,
      remixOfTaskId: true,
      createdAt: true,
    },
  });
  const preset = findPreset(task.channel);
  if (!task.connectionId || now.getTime() - task.createdAt.getTime() > runTimeLimitMs(task.channel, task.model)) {
    await failSubmission(
      taskId,
      "queue_timeout",
      "The provider had no room for this job in time; nothing was sent or charged.",
    );
    return;
  }
  if (preset?.limits && !(await hasRoom(task.connectionId, preset.limits, taskId, now))) {
    await markWaiting(taskId, now, null, "still no room");
    return;
  }
  const references = [];
  for (const [frame, relative] of [
    ["first", task.referenceImagePath],
    ["last", task.lastFrameImagePath],
  ] as const) {
    if (!relative) continue;
    const mimeType = referenceContentType(relative);
    const bytes = await readMediaBytes(relative);
    if (!bytes) throw new Error(`reference image ${relative} is not in the studio's storage`);
    references.push({ bytes, mimeType, frame });
  }
  const source = task.remixOfTaskId
    ? await db.videoTask.findUnique({ where: { id: task.remixOfTaskId }, select: { providerJobId: true } })
    : null;
  await db.videoTask.update({ where: { id: taskId }, data: { status: "submitting" } });
  await addTaskEvent(db, taskId, { type: CREATE_SENT_EVENT, at: now });
  await sendCreate(taskId, task.connectionId, {
    prompt: task.prompt,
    model: task.model,
    size: task.size,
    seconds: task.seconds,
    references,
    remixOf: source?.providerJobId ? { providerJobId: source.providerJobId } : undefined,
  });
}
