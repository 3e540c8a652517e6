import { billingTiming, findModel, type BillingTiming } from "@/lib/models";
import type { Tx } from "@/lib/db/client";
import { queueBudgetNotices } from "@/lib/notifications/enqueue";
import { addTaskEvent } from "./task-events";

// Money follows the provider's bill, not our copy: a job is charged when its provider bills it —
// on completion for most, at create (refunded on failure) for LaoZhang Muse and Oxygen — and a
// billed video we then fail to keep stays charged and is shown as lost with the reason. The
// amount is what the provider reported billing when it says, else the estimate shown at submit.
// The unique taskId on Charge makes a second charge impossible.

/** When the task's provider bills: from its preset and model at submit (`channel` holds the preset). */
export function taskBillingTiming(task: { channel: string; model: string }): BillingTiming {
  const model = findModel(task.channel, task.model);
  return model ? billingTiming(model) : "on_completion";
}

/** Charges the task once: its reservation becomes a ledger row. Returns whether it charged now. */
export async function chargeTask(tx: Tx, taskId: string, now: Date): Promise<boolean> {
  const task = await tx.videoTask.findUniqueOrThrow({
    where: { id: taskId },
    select: {
      teamId: true,
      createdById: true,
      estimateCents: true,
      billedCents: true,
      model: true,
      size: true,
      seconds: true,
      charge: { select: { id: true } },
    },
  });
  if (task.charge) return false;
  const amountCents = task.billedCents ?? task.estimateCents;
  await tx.charge.create({
    data: {
      teamId: task.teamId,
      userId: task.createdById,
      taskId,
      amountCents,
      model: task.model,
      size: task.size,
      seconds: task.seconds,
      createdAt: now,
    },
  });
  await tx.videoTask.update({ where: { id: taskId }, data: { reservedCents: 0 } });
  await addTaskEvent(tx, taskId, { type: "charged", message: String(amountCents), at: now });
  // The charge that crosses 80 % or 100 % of the team's monthly budget writes the notice with it.
  await queueBudgetNotices(tx, task.teamId, now);
  return true;
}

/** A provider that billed at create refunds a failed job: so do we (the row stays, at 0). */
export async function refundTask(tx: Tx, taskId: string, now: Date): Promise<void> {
  const charge = await tx.charge.findUnique({
    where: { taskId },
    select: { id: true, amountCents: true, refundedAt: true },
  });
  if (!charge || charge.refundedAt) return;
  await tx.charge.update({ where: { id: charge.id }, data: { amountCents: 0, refundedAt: now } });
  await addTaskEvent(tx, taskId, { type: "refunded", message: String(charge.amountCents), at: now });
}
