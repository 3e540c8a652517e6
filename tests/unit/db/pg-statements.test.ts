import { describe, expect, it } from "vitest";
import { KEEP_PREPARED, preparedStatementName } from "@/lib/db/pg-statements";

describe("PostgreSQL statements kept prepared", () => {
  it("names only the marked statements, one name per text", () => {
    const a = `SELECT 1 WHERE "id" = $1${KEEP_PREPARED}`;
    const b = `SELECT 2 WHERE "id" = $1${KEEP_PREPARED}`;
    expect(preparedStatementName({ sql: "SELECT 1" })).toBeUndefined();
    expect(preparedStatementName({ sql: `${KEEP_PREPARED} SELECT 1` })).toBeUndefined();
    expect(preparedStatementName({ sql: a })).toMatch(/^studio_[0-9a-f]{24}$/);
    expect(preparedStatementName({ sql: a })).toBe(preparedStatementName({ sql: a }));
    expect(preparedStatementName({ sql: a })).not.toBe(preparedStatementName({ sql: b }));
  });
});
