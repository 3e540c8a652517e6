import { teamRoute } from "@/lib/http/route-handler";
import { httpErrors } from "@/lib/http/errors";
import { monthOf, parseMonthKey } from "@/lib/money/month";
import { spendCsv } from "@/lib/spend/spend-queries";

// GET /api/teams/<teamId>/spend/csv?month=2026-10 → the month's charges the caller may see
// (everyone's for owner and admins, one's own for members), as a download.
export const GET = teamRoute({
  permission: "spend.read",
  parse: (request) => {
    const monthParam = request.nextUrl.searchParams.get("month");
    const month = monthParam === null ? monthOf(new Date()) : parseMonthKey(monthParam);
    if (!month) throw httpErrors.badRequest("bad_month", "month must look like 2026-10.");
    return month;
  },
  run: async (actor, month, request) => {
    const { fileName, csv } = await spendCsv(
      actor.userId,
      actor.teamId,
      month,
      (taskId) => `${request.nextUrl.origin}/t/${actor.teamId}/gallery/${taskId}`,
    );
    return new Response(`\uFEFF${csv}`, {
      headers: {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="${fileName}"`,
        "cache-control": "private, no-store",
        "x-content-type-options": "nosniff",
      },
    });
  },
});
