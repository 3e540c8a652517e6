import { db } from "@/lib/db";
import { currentUser } from "@/lib/auth/current-user";
import { TeamAccessError } from "@/lib/teams/authorize";
import { chargesToCsv } from "@/lib/spend/spend-csv";
import { monthOf, parseMonthKey } from "@/lib/spend/month";
import { spendReport } from "@/lib/spend/spend-report";

// GET /api/teams/<teamId>/spend/csv?month=2026-10 → the month's charges the caller may see
// (everyone's for owner and admins, one's own for members), as a download.

function problem(status: number, code: string, message: string) {
  return Response.json({ error: { message, code } }, { status, headers: { "cache-control": "no-store" } });
}

export async function GET(request: Request, { params }: { params: Promise<{ teamId: string }> }) {
  const { teamId } = await params;
  const user = await currentUser();
  if (!user) return problem(401, "unauthenticated", "Sign in first.");
  const url = new URL(request.url);
  const monthParam = url.searchParams.get("month");
  const month = monthParam === null ? monthOf(new Date()) : parseMonthKey(monthParam);
  if (!month) return problem(400, "bad_month", "month must look like 2026-10.");
  try {
    const report = await spendReport(db, user.id, teamId, month);
    const csv = chargesToCsv(report.charges, (taskId) => `${url.origin}/t/${teamId}/gallery/${taskId}`);
    const filename = `spend-${month.key}${report.scope === "own" ? "-mine" : ""}.csv`;
    return new Response(`\uFEFF${csv}`, {
      headers: {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="${filename}"`,
        "cache-control": "private, no-store",
        "x-content-type-options": "nosniff",
      },
    });
  } catch (error) {
    if (error instanceof TeamAccessError) return error.reason === "forbidden" ? problem(403, "forbidden", "Not allowed.") : problem(404, "not_found", "Not found.");
    throw error;
  }
}
