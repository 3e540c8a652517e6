import type { Tx } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma-sqlite/client";
import { wakeDeliveries } from "@/lib/engine/wake";
import { env } from "@/lib/env";
import { monthOf } from "@/lib/money/month";
import { teamSpentCents } from "@/lib/teams/budget";
import {
  parseEventList,
  type AnyEventType,
  type BudgetEventData,
  type EventData,
  type EventType,
  type VideoEventData,
} from "./event-types";

// The outbox's writers. Each runs inside the transaction of the event itself (a task's final
// status, its archive, a charge), so a notification exists exactly when its event committed; the
// sweep sends it later (deliver.ts). One row per subscribed, active endpoint of the task's team.

function studioLink(path: string): string | null {
  return env.authUrl ? `${env.authUrl.replace(/\/$/, "")}${path}` : null;
}

type Target = { id: string };

/** The team's active endpoints that subscribe to `type` (`where` finds the team). */
async function subscribedEndpoints(tx: Tx, where: Prisma.WebhookEndpointWhereInput, type: AnyEventType) {
  const endpoints = await tx.webhookEndpoint.findMany({
    where: { ...where, disabledAt: null },
    select: { id: true, events: true },
  });
  return endpoints.filter((e) => type === "test" || parseEventList(e.events).includes(type));
}

async function writeDeliveries(
  tx: Tx,
  targets: Target[],
  teamId: string,
  type: AnyEventType,
  data: EventData,
  now: Date,
) {
  const payload = JSON.stringify(data);
  await tx.webhookDelivery.createMany({
    data: targets.map((e) => ({ endpointId: e.id, teamId, type, payload, nextAttemptAt: now, createdAt: now })),
  });
  await wakeDeliveries(tx);
  return targets.length;
}

/** Writes one pending delivery per active endpoint of the team that subscribes to `type`. */
export async function writeOutbox(tx: Tx, teamId: string, type: AnyEventType, data: EventData, now: Date) {
  const targets = await subscribedEndpoints(tx, { teamId }, type);
  if (targets.length === 0) return 0;
  return writeDeliveries(tx, targets, teamId, type, data, now);
}

/** A task reached an end worth telling: completed (our copy is kept), failed, or lost. */
export async function queueVideoNotification(
  tx: Tx,
  taskId: string,
  type: Extract<EventType, `video.${string}`>,
  now: Date,
): Promise<void> {
  // Most teams have no endpoint: asked first, in one statement, before the task's details (four).
  const targets = await subscribedEndpoints(tx, { team: { videoTasks: { some: { id: taskId } } } }, type);
  if (targets.length === 0) return;
  const task = await tx.videoTask.findUniqueOrThrow({
    where: { id: taskId },
    select: {
      teamId: true,
      model: true,
      prompt: true,
      seconds: true,
      size: true,
      status: true,
      errorCode: true,
      errorMessage: true,
      team: { select: { name: true } },
      createdBy: { select: { name: true, email: true } },
      charge: { select: { amountCents: true } },
    },
  });
  const data: VideoEventData = {
    video: {
      id: taskId,
      model: task.model,
      prompt: task.prompt,
      seconds: task.seconds,
      size: task.size,
      status: type === "video.lost" ? "lost" : task.status,
      costCents: task.charge?.amountCents ?? null,
      error: type === "video.failed" ? { code: task.errorCode, message: task.errorMessage } : null,
      createdBy: task.createdBy.name ?? task.createdBy.email,
      url: studioLink(`/t/${task.teamId}/gallery/${taskId}`),
    },
    team: { id: task.teamId, name: task.team.name },
  };
  await writeDeliveries(tx, targets, task.teamId, type, data, now);
}

const THRESHOLDS = [80, 100] as const;

/**
 * After a charge: when this month's spend crosses 80 % or 100 % of the team's budget for the first
 * time this month, writes the notice. The team row remembers the month and the highest level
 * sent; a compare-and-set on both (retried on a concurrent change) makes each threshold fire once.
 */
export async function queueBudgetNotices(tx: Tx, teamId: string, now: Date): Promise<void> {
  const month = monthOf(now);
  for (let round = 0; round < 3; round++) {
    const team = await tx.team.findUniqueOrThrow({
      where: { id: teamId },
      select: { name: true, monthlyBudgetCents: true, budgetNoticeMonth: true, budgetNoticePercent: true },
    });
    const budget = team.monthlyBudgetCents;
    if (!budget || budget <= 0) return;
    const sent = team.budgetNoticeMonth === month.key ? team.budgetNoticePercent : 0;
    if (sent >= 100) return;
    const spent = await teamSpentCents(tx, teamId, month);
    const due = THRESHOLDS.filter((p) => p > sent && spent * 100 >= budget * p);
    const level = due.at(-1);
    if (level === undefined) return;
    const claimed = await tx.team.updateMany({
      where: { id: teamId, budgetNoticeMonth: team.budgetNoticeMonth, budgetNoticePercent: team.budgetNoticePercent },
      data: { budgetNoticeMonth: month.key, budgetNoticePercent: level },
    });
    if (claimed.count === 0) continue;
    for (const percent of due) {
      const data: BudgetEventData = {
        budget: { percent, month: month.key, budgetCents: budget, spentCents: spent },
        team: { id: teamId, name: team.name },
        url: studioLink(`/t/${teamId}/spend`),
      };
      await writeOutbox(tx, teamId, percent === 80 ? "budget.80" : "budget.100", data, now);
    }
    return;
  }
}
