// Runs one piece of the real engine in its own process, so a test can kill it at a precise point
// (STUDIO_CRASH_AT, lib/config/crash-points.ts) like kill -9 would. Started by crash-harness.ts
// with the test file's environment (database, simulator, data and storage folders).
import { archiveDueTasks } from "@/lib/videos/archive-video";
import { createVideoJob, type CreateVideoJobInput } from "@/lib/videos/create-video-job";

const job = JSON.parse(process.env.CRASH_CHILD_JOB ?? "{}") as { submit?: CreateVideoJobInput; archiveTaskId?: string };
if (job.submit) {
  const { task } = await createVideoJob(job.submit);
  console.log(JSON.stringify({ taskId: task.id, status: task.status }));
} else if (job.archiveTaskId) {
  console.log(JSON.stringify(await archiveDueTasks({ taskIds: [job.archiveTaskId] })));
}
process.exit(0);
