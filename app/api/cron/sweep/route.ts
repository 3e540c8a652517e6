import { requireCronSecret, route } from "@/lib/http/route-handler";
import { runSweep } from "@/lib/videos/sweep";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

// For an external scheduler: POST with "Authorization: Bearer $CRON_SECRET". Off (404) when unset.
export const POST = route(async (request) => {
  requireCronSecret(request);
  return runSweep();
});
