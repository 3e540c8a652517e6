import { createServer } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { TeamAccessError } from "@/lib/teams/authorize";
import {
  addConnection,
  archiveConnection,
  listConnections,
  testConnection,
  updateConnection,
} from "@/lib/teams/connections";
import { decryptProviderKey } from "@/lib/upstream/provider-key-crypto";
import { startTestSimulator, type TestSimulator } from "../simulator/support/harness";
import { teamWithRoles } from "./support/team-fixtures";

const KEY = "sk-live-TESTKEY-1234567890abcdef";
const secret = () => env.providerKeySecret();
let sim: TestSimulator;

beforeAll(async () => {
  sim = await startTestSimulator();
});
afterAll(async () => {
  await sim?.stop();
});

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as { port: number }).port;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

const custom = (baseUrl: string | null, apiKey: string | null) => ({
  name: "Relay",
  preset: "custom-openai",
  baseUrl,
  apiKey,
});

describe("provider key at rest", () => {
  it("is stored encrypted: the ciphertext neither equals nor contains the key, and decrypts back", async () => {
    const { teamId, owner } = await teamWithRoles();
    const id = await addConnection(
      db,
      owner.id,
      teamId,
      { name: "OpenAI", preset: "openai", baseUrl: null, apiKey: KEY },
      secret(),
    );
    const row = await db.providerConnection.findUniqueOrThrow({ where: { id } });
    expect(row.keyCiphertext).toBeTruthy();
    expect(row.keyCiphertext).not.toBe(KEY);
    for (const part of [
      KEY,
      "TESTKEY",
      "1234567890abcdef",
      Buffer.from(KEY).toString("base64"),
      Buffer.from(KEY).toString("base64url"),
    ]) {
      expect(row.keyCiphertext).not.toContain(part);
    }
    expect(decryptProviderKey(row.keyCiphertext!, secret())).toBe(KEY);
    expect(() => decryptProviderKey(row.keyCiphertext!, "another secret")).toThrow();
    expect(row.keyLast4).toBe("cdef");
    // Nothing else in the database holds it either (the audit entry keeps the last four only).
    const audit = await db.auditEntry.findMany({ where: { teamId } });
    expect(JSON.stringify(audit)).not.toContain(KEY);
    expect(audit.map((a) => a.action)).toEqual(["connection.added"]);
    expect(JSON.parse(audit[0]!.data!)).toMatchObject({ preset: "openai", last4: "cdef" });
  });

  it("the connections DTO carries the last four only; a new team starts with the simulator", async () => {
    const { teamId, admin } = await teamWithRoles();
    await addConnection(
      db,
      admin.id,
      teamId,
      { name: "API易", preset: "apiyi-official", baseUrl: null, apiKey: KEY },
      secret(),
    );
    const list = await listConnections(db, admin.id, teamId);
    expect(list.map((c) => [c.preset, c.keyLast4, c.archived])).toEqual([
      ["simulator", null, false],
      ["apiyi-official", "cdef", false],
    ]);
    expect(JSON.stringify(list)).not.toContain("TESTKEY");
  });

  it("a blank key keeps the stored one; a new key replaces it; key presets need a key; relays need a URL", async () => {
    const { teamId, owner } = await teamWithRoles();
    await expect(
      addConnection(db, owner.id, teamId, { name: "x", preset: "openai", baseUrl: null, apiKey: null }, secret()),
    ).rejects.toEqual(expect.objectContaining({ code: "keyRequired" }));
    await expect(addConnection(db, owner.id, teamId, custom(null, KEY), secret())).rejects.toEqual(
      expect.objectContaining({ code: "baseUrlRequired" }),
    );
    await expect(
      addConnection(db, owner.id, teamId, { name: "x", preset: "nope", baseUrl: null, apiKey: KEY }, secret()),
    ).rejects.toEqual(expect.objectContaining({ code: "unknownPreset" }));
    const id = await addConnection(db, owner.id, teamId, custom("https://relay.example/v1", KEY), secret());
    const first = (await db.providerConnection.findUniqueOrThrow({ where: { id } })).keyCiphertext;
    await updateConnection(
      db,
      owner.id,
      teamId,
      id,
      { name: "Renamed", baseUrl: "https://relay.example/v1", apiKey: null },
      secret(),
    );
    expect((await db.providerConnection.findUniqueOrThrow({ where: { id } })).keyCiphertext).toBe(first);
    await updateConnection(
      db,
      owner.id,
      teamId,
      id,
      { name: "Renamed", baseUrl: "https://relay.example/v1", apiKey: "sk-second-key-9999" },
      secret(),
    );
    const after = await listConnections(db, owner.id, teamId);
    expect(after.find((c) => c.id === id)).toMatchObject({ name: "Renamed", keyLast4: "9999" });
    const actions = (await db.auditEntry.findMany({ where: { teamId }, orderBy: { createdAt: "asc" } })).map(
      (a) => a.action,
    );
    expect(actions).toEqual(["connection.added", "connection.changed", "connection.key_changed"]);
  });

  it("a connection is archived, not deleted, and the last active one stays", async () => {
    const { teamId, owner } = await teamWithRoles();
    const [simulator] = await listConnections(db, owner.id, teamId);
    await expect(archiveConnection(db, owner.id, teamId, simulator!.id)).rejects.toEqual(
      expect.objectContaining({ code: "lastConnection" }),
    );
    const id = await addConnection(db, owner.id, teamId, custom("https://relay.example/v1", KEY), secret());
    await archiveConnection(db, owner.id, teamId, simulator!.id);
    const list = await listConnections(db, owner.id, teamId);
    expect(list.map((c) => [c.id, c.archived])).toEqual([
      [id, false],
      [simulator!.id, true],
    ]);
  });

  it("members cannot read or change connections; strangers get not-found; other teams' ids are not found", async () => {
    const { teamId, member, stranger, owner } = await teamWithRoles();
    const other = await teamWithRoles();
    const [simulator] = await listConnections(db, owner.id, teamId);
    await expect(listConnections(db, member.id, teamId)).rejects.toEqual(new TeamAccessError("forbidden"));
    await expect(addConnection(db, member.id, teamId, custom("https://r.example/v1", KEY), "s")).rejects.toEqual(
      new TeamAccessError("forbidden"),
    );
    await expect(testConnection(db, member.id, teamId, simulator!.id)).rejects.toEqual(
      new TeamAccessError("forbidden"),
    );
    await expect(listConnections(db, stranger.id, teamId)).rejects.toEqual(new TeamAccessError("not_found"));
    await expect(testConnection(db, other.owner.id, other.teamId, simulator!.id)).rejects.toEqual(
      expect.objectContaining({ code: "connectionNotFound" }),
    );
    await expect(archiveConnection(db, other.owner.id, other.teamId, simulator!.id)).rejects.toEqual(
      expect.objectContaining({ code: "connectionNotFound" }),
    );
    expect(await db.providerConnection.count({ where: { teamId, keyCiphertext: { not: null } } })).toBe(0);
  });
});

describe("test connection (the adapter against the real simulator)", () => {
  it("working with the built-in simulator and with a key the provider accepts", async () => {
    const { teamId, owner } = await teamWithRoles();
    const [simulator] = await listConnections(db, owner.id, teamId);
    expect(await testConnection(db, owner.id, teamId, simulator!.id)).toEqual({ outcome: "working" });
    const id = await addConnection(db, owner.id, teamId, custom(sim.api, KEY), secret());
    expect(await testConnection(db, owner.id, teamId, id)).toEqual({ outcome: "working" });
  });

  it("rejected when the provider answers 401", async () => {
    const { teamId, owner } = await teamWithRoles();
    const id = await addConnection(db, owner.id, teamId, custom(sim.api, "sk-invalid-key-0000"), secret());
    expect(await testConnection(db, owner.id, teamId, id)).toEqual({ outcome: "rejected", httpStatus: 401 });
  });

  it("unreachable when nothing listens, or the host does not resolve", async () => {
    const { teamId, owner } = await teamWithRoles();
    const id = await addConnection(
      db,
      owner.id,
      teamId,
      custom(`http://127.0.0.1:${await closedPort()}/v1`, KEY),
      secret(),
    );
    expect(await testConnection(db, owner.id, teamId, id)).toEqual({ outcome: "unreachable" });
    await updateConnection(
      db,
      owner.id,
      teamId,
      id,
      { name: "r", baseUrl: "http://no-such-host.invalid/v1", apiKey: null },
      secret(),
    );
    expect(await testConnection(db, owner.id, teamId, id, 3000)).toEqual({ outcome: "unreachable" });
  });

  it("an unexpected answer when the base URL is not a videos API", async () => {
    const { teamId, owner } = await teamWithRoles();
    const id = await addConnection(db, owner.id, teamId, custom(`${sim.url}/not-v1`, KEY), secret());
    expect(await testConnection(db, owner.id, teamId, id)).toMatchObject({ outcome: "unexpected" });
  });
});
