import { getFormatter, getTranslations } from "next-intl/server";
import type { VideoEventDto } from "@/lib/videos/video-dto";
import { formatUsd } from "@/lib/money/format";
import { TaskWatchSection } from "@/components/stuck/task-watch-section";

const KNOWN_EVENTS = [
  "submitted",
  "submit_unknown",
  "reconciled",
  "reconcile_error",
  "status",
  "progress",
  "failed",
  "archived",
  "archive_retry",
  "archive_error",
  "charged",
  "released",
  "poll_error",
  "deleted",
  "create_sent",
  "timed_out",
  "late_completion",
  "watch_ended",
  "waiting",
  "refunded",
  "archive_lost",
  "engine_gave_up",
] as const;

/**
 * Every recorded step of the task, oldest first, in words; the engine's raw note stays visible for
 * support. With `task`, the provider watch first (last poll, last answer, "taking longer than
 * usual", Check now: components/stuck).
 */
export async function VideoTimeline({
  events,
  task,
}: {
  events: VideoEventDto[];
  task?: { teamId: string; userId: string; taskId: string };
}) {
  const t = await getTranslations("videoDetail");
  const tStuck = await getTranslations("stuck.event");
  const ts = await getTranslations("videos.status");
  const format = await getFormatter();
  const statusText = (s: string) =>
    (["waiting", "submitting", "submit_unknown", "queued", "in_progress", "completed", "failed"] as const).find(
      (k) => k === s,
    )
      ? ts(s as "queued")
      : s;
  const list = (
    <ol className="relative flex flex-col gap-3 border-l border-slate-200 pl-4 dark:border-slate-800">
      {events.map((event) => {
        const known = KNOWN_EVENTS.find((k) => k === event.type);
        return (
          <li key={event.id} className="relative text-sm">
            <span aria-hidden className="absolute top-1.5 -left-[1.34rem] h-2.5 w-2.5 rounded-full bg-brand-500" />
            <p className="font-medium">
              {known
                ? t(`event.${known}`)
                : event.type === "given_up"
                  ? tStuck("given_up")
                  : t("event.other", { type: event.type })}
              {event.status && event.type === "status" ? ` · ${statusText(event.status)}` : ""}
              {event.progress !== null && (event.type === "progress" || event.type === "status")
                ? ` · ${event.progress}%`
                : ""}
            </p>
            <p className="text-xs text-slate-500 dark:text-slate-400">
              <time dateTime={event.createdAt}>
                {format.dateTime(new Date(event.createdAt), { dateStyle: "medium", timeStyle: "medium" })}
              </time>
              {event.message ? <span className="break-all"> · {noteOf(event)}</span> : null}
            </p>
          </li>
        );
      })}
    </ol>
  );
  if (!task) return list;
  return (
    <>
      <TaskWatchSection teamId={task.teamId} userId={task.userId} taskId={task.taskId} />
      {list}
    </>
  );
}

// The engine records a charge's amount in cents; people read dollars.
function noteOf(event: VideoEventDto): string {
  if (event.type === "charged" && event.message && /^\d+$/.test(event.message)) return formatUsd(Number(event.message));
  return event.message ?? "";
}
