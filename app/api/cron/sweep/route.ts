import { timingSafeEqual } from "node:crypto";
import { env } from "@/lib/env";
import { runSweep } from "@/lib/videos/sweep";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

// For an external scheduler: POST with "Authorization: Bearer $CRON_SECRET". Off when unset.
export async function POST(request: Request): Promise<Response> {
  const expected = env.cronSecret;
  const given = request.headers.get("authorization")?.replace(/^Bearer\s+/i, "") ?? "";
  if (!expected || given.length !== expected.length || !timingSafeEqual(Buffer.from(given), Buffer.from(expected))) {
    return Response.json({ error: { message: "Not found", code: "not_found" } }, { status: 404 });
  }
  return Response.json(await runSweep());
}
