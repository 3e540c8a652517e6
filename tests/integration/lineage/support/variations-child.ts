// Submits one set of variations in its own process, so a test can kill it at a precise point
// (STUDIO_CRASH_AT, lib/config/crash-points.ts) like kill -9 would. Started by variations.test.ts
// with the test file's environment (database, simulator, data and storage folders).
import type { CreateVideoJobInput } from "@/lib/videos/create-video-job";
import { createVariations } from "@/lib/videos/variations";

const job = JSON.parse(process.env.VARIATIONS_CHILD_JOB ?? "{}") as { input: CreateVideoJobInput; count: number };
const { tasks } = await createVariations(job.input, job.count);
console.log(JSON.stringify(tasks.map((t) => ({ id: t.id, status: t.status }))));
process.exit(0);
