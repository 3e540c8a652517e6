import { centsToDecimal } from "@/lib/money/format";

// The zip's manifest.csv and manifest.json: one line per video, in the zip's order, with what a
// person handing the videos over needs (prompt, model, connection, size, seconds, cost, creator,
// dates, ids) and the SHA-256 of each file as it was streamed into the zip (decision 070).

export type ManifestEntry = {
  file: string;
  taskId: string;
  prompt: string;
  model: string;
  connection: string | null;
  size: string;
  seconds: number;
  /** What was charged, integer cents (null: no charge recorded). */
  costCents: number | null;
  creator: string;
  creatorEmail: string;
  createdAt: string;
  completedAt: string | null;
  bytes: number;
  sha256: string;
};

const COLUMNS: (keyof ManifestEntry)[] = [
  "file",
  "taskId",
  "prompt",
  "model",
  "connection",
  "size",
  "seconds",
  "costCents",
  "creator",
  "creatorEmail",
  "createdAt",
  "completedAt",
  "bytes",
  "sha256",
];

const HEADER = [...COLUMNS.filter((c) => c !== "costCents"), "cost_usd"];

/** RFC 4180 quoting; a leading =, +, - or @ is prefixed with ' so a spreadsheet does not run it. */
function cell(value: string | number | null): string {
  if (value === null) return "";
  let text = String(value);
  if (typeof value === "string" && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function manifestCsv(entries: ManifestEntry[]): string {
  const lines = entries.map((entry) =>
    [
      ...COLUMNS.filter((c) => c !== "costCents").map((c) => cell(entry[c])),
      cell(entry.costCents === null ? null : centsToDecimal(entry.costCents)),
    ].join(","),
  );
  // A BOM so Excel reads the Chinese prompts as UTF-8.
  return `\uFEFF${[HEADER.join(","), ...lines].join("\r\n")}\r\n`;
}

export function manifestJson(
  entries: ManifestEntry[],
  meta: { teamId: string; exportedAt: string; exportedBy: string; missing?: string[] },
): string {
  return `${JSON.stringify({ ...meta, videos: entries }, null, 2)}\n`;
}
