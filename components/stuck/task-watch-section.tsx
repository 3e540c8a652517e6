import { taskWatch } from "@/lib/videos/stuck-jobs";
import { TaskWatchPanel } from "./task-watch-panel";

/**
 * The watch of one task for its timeline (server): shown while the engine still asks the provider
 * about it, and for a failed job whose last answer explains it; not for settled, completed ones.
 */
export async function TaskWatchSection({ teamId, userId, taskId }: { teamId: string; userId: string; taskId: string }) {
  const watch = await taskWatch({ teamId, userId }, taskId);
  if (!watch || !(watch.active || (watch.status === "failed" && watch.lastPolledAt))) return null;
  return <TaskWatchPanel teamId={teamId} initial={watch} />;
}
