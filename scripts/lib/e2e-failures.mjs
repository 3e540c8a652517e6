// The browser tests that failed or passed only on their retry, with the first lines of each error,
// read from Playwright's JSON report (playwright.config.ts). `npm test` prints them last, because CI
// keeps only the tail of the log and Playwright prints its errors far above it.
import { existsSync, readFileSync } from "node:fs";

const ANSI = /\u001b\[[0-9;]*m/g;

function* specsOf(suite, titles = []) {
  const path = suite.title ? [...titles, suite.title] : titles;
  for (const spec of suite.specs ?? []) yield { spec, path: [...path, spec.title] };
  for (const child of suite.suites ?? []) yield* specsOf(child, path);
}

/** Lines to print, or [] when the report is missing or every test passed first time. */
export function e2eTroubleLines(reportPath = "artifacts/e2e-results.json", errorLines = 12) {
  if (!existsSync(reportPath)) return [];
  const report = JSON.parse(readFileSync(reportPath, "utf8"));
  const lines = [];
  for (const suite of report.suites ?? []) {
    for (const { spec, path } of specsOf(suite)) {
      for (const test of spec.tests ?? []) {
        if (test.status !== "unexpected" && test.status !== "flaky") continue;
        lines.push(`${test.status === "flaky" ? "FLAKY" : "FAILED"} ${path.join(" › ")}`);
        for (const result of test.results ?? []) {
          const error = result.errors?.[0]?.message ?? result.error?.message;
          if (!error) continue;
          // The message up to Playwright's call log, then the source line it points at.
          const all = error
            .replace(ANSI, "")
            .split("\n")
            .filter((l) => l.trim());
          const logAt = all.findIndex((l) => l.trim() === "Call log:");
          const text = [
            ...all.slice(0, logAt === -1 ? errorLines : Math.min(logAt, errorLines)),
            ...all.filter((l) => /^\s*>\s*\d+ \|/.test(l)).slice(0, 1),
          ];
          lines.push(
            `  try ${result.retry + 1} (${result.status}, ${result.duration} ms):`,
            ...text.map((l) => `    ${l}`),
          );
        }
      }
    }
  }
  return lines;
}
