import "server-only";
import { db } from "@/lib/db";
import { chargesToCsv } from "./spend-csv";
import type { SpendMonth } from "@/lib/money/month";
import { spendReport, type SpendReport } from "./spend-report";

// What pages and routes call for spend; the data-layer functions under them take the client and
// check the caller with authorize() ("spend.read"; everyone's rows only with "spend.read.members").

export function teamSpendReport(
  userId: string,
  teamId: string,
  month: SpendMonth,
  now = new Date(),
): Promise<SpendReport> {
  return spendReport(db, userId, teamId, month, now);
}

/** The month's charges the caller may see, as CSV text (without BOM) and its file name. */
export async function spendCsv(
  userId: string,
  teamId: string,
  month: SpendMonth,
  videoUrl: (taskId: string) => string,
): Promise<{ fileName: string; csv: string }> {
  const report = await teamSpendReport(userId, teamId, month);
  return {
    fileName: `spend-${month.key}${report.scope === "own" ? "-mine" : ""}.csv`,
    csv: chargesToCsv(report.charges, videoUrl),
  };
}
