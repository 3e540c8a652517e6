import { describe, expect, it } from "vitest";
import { assertLocalDatabase, databaseHost, RemoteDatabaseError } from "../../support/local-database";

describe("the integration suite's local-database guard", () => {
  it.each([
    "file:./.data/test/base.db",
    "file:/tmp/x/studio.db?connection_limit=1",
    "postgresql://studio:secret@localhost:5432/studio",
    "postgres://studio@LOCALHOST/studio",
    "postgresql://studio:secret@127.0.0.1:55432/studio_test",
    "postgresql://studio@[::1]:5432/studio",
    "postgresql:///studio",
    "postgresql://studio@/studio?host=/var/run/postgresql",
    "postgresql://%2Fvar%2Frun%2Fpostgresql/studio",
    "socket://studio@/var/run/postgresql?db=studio",
  ])("accepts %s", (url) => {
    expect(databaseHost(url)).toEqual({ local: true });
    expect(() => assertLocalDatabase(url, {})).not.toThrow();
  });

  it.each([
    ["postgresql://studio:hunter2@db.example.com:5432/studio", "db.example.com"],
    ["postgresql://studio@10.0.0.5/studio", "10.0.0.5"],
    ["postgresql://studio@127.0.0.2/studio", "127.0.0.2"],
    ["postgresql://studio@localhost.example.com/studio", "localhost.example.com"],
    ["postgresql://studio@[2001:db8::1]:5432/studio", "2001:db8::1"],
    // The host parameter wins over the URL's host, in both directions.
    ["postgresql://studio@localhost/studio?host=db.internal", "db.internal"],
    ["not a url", "(not a URL)"],
  ])("refuses %s, naming its host and the override, never the password", (url, host) => {
    expect(databaseHost(url)).toEqual({ local: false, host });
    let error: unknown;
    try {
      assertLocalDatabase(url, {});
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(RemoteDatabaseError);
    const message = (error as Error).message;
    expect(message).toContain(`"${host}"`);
    expect(message).toContain("INTEGRATION_ALLOW_REMOTE_DATABASE=1");
    expect(message).not.toContain("hunter2");
  });

  it("a remote host is allowed only with the override set to 1", () => {
    const url = "postgresql://studio@db.example.com/studio";
    expect(() => assertLocalDatabase(url, { INTEGRATION_ALLOW_REMOTE_DATABASE: "1" })).not.toThrow();
    expect(() => assertLocalDatabase(url, { INTEGRATION_ALLOW_REMOTE_DATABASE: "0" })).toThrow(RemoteDatabaseError);
    expect(() => assertLocalDatabase(url, { INTEGRATION_ALLOW_REMOTE_DATABASE: "" })).toThrow(RemoteDatabaseError);
  });
});
