import { createHash } from "node:crypto";

// PostgreSQL plans every statement Prisma sends: its adapter uses unnamed statements unless told
// otherwise. For the card read of the status route (five tables joined) planning took ~0.5 ms
// against ~0.2 ms of execution on a warm connection (EXPLAIN ANALYZE, 100,000 videos), on the
// cores the studio shares with the database. A statement whose SQL ends with KEEP_PREPARED is
// sent as a named prepared statement instead: each pooled connection parses it once, and after
// five runs PostgreSQL may keep a generic plan. Only statements whose best plan does not depend on
// their arguments are marked (lookups by primary key, the team's index walked in order) — never a
// prompt search, whose plan depends on the text (decision 132).

/** The end of a statement worth keeping prepared (an SQL comment: SQLite ignores it too). */
export const KEEP_PREPARED = " /* keep prepared */";

/** The adapter's `statementNameGenerator`: a name for marked statements, none for the rest. */
export function preparedStatementName(query: { sql: string }): string {
  if (!query.sql.endsWith(KEEP_PREPARED)) return undefined as unknown as string;
  return `studio_${createHash("sha1").update(query.sql).digest("hex").slice(0, 24)}`;
}
