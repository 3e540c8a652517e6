import { centsToDecimal } from "@/lib/money/format";
import type { ChargeRow } from "./spend-report";

// RFC 4180 fields, plus a guard against spreadsheet formula injection: a member's name such as
// "=HYPERLINK(…)" must stay text when the file is opened in Excel or LibreOffice.
export function csvField(value: string | number): string {
  let text = String(value);
  const isNumber = /^-?\d+(\.\d+)?$/.test(text);
  if (!isNumber && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export const CSV_HEADER = [
  "date_utc",
  "member",
  "email",
  "model",
  "size",
  "seconds",
  "amount_usd",
  "task_id",
  "video_url",
];

export function chargesToCsv(rows: ChargeRow[], videoUrl: (taskId: string) => string): string {
  const lines = [CSV_HEADER.join(",")];
  for (const r of rows) {
    lines.push(
      [
        r.createdAt,
        r.user.name,
        r.user.email,
        r.model,
        r.size,
        r.seconds,
        centsToDecimal(r.amountCents),
        r.taskId,
        videoUrl(r.taskId),
      ]
        .map(csvField)
        .join(","),
    );
  }
  return `${lines.join("\r\n")}\r\n`;
}
