import { createServer } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { TeamAccessError } from "@/lib/teams/authorize";
import { decryptProviderKey } from "@/lib/teams/provider-key-crypto";
import { readProviderSettings, saveProviderSettings, testProviderConnection } from "@/lib/teams/provider-settings";
import { startTestSimulator, type TestSimulator } from "../simulator/support/harness";
import { teamWithRoles } from "./support/team-fixtures";

const KEY = "sk-live-TESTKEY-1234567890abcdef";
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

describe("provider key at rest", () => {
  it("is stored encrypted: the ciphertext neither equals nor contains the key, and decrypts back", async () => {
    const { teamId, owner } = await teamWithRoles();
    await saveProviderSettings(
      db,
      owner.id,
      teamId,
      { channel: "openai", baseUrl: null, apiKey: KEY },
      env.providerKeySecret(),
    );
    const row = await db.team.findUniqueOrThrow({ where: { id: teamId } });
    expect(row.providerKeyCiphertext).toBeTruthy();
    expect(row.providerKeyCiphertext).not.toBe(KEY);
    for (const part of [
      KEY,
      "TESTKEY",
      "1234567890abcdef",
      Buffer.from(KEY).toString("base64"),
      Buffer.from(KEY).toString("base64url"),
    ]) {
      expect(row.providerKeyCiphertext).not.toContain(part);
    }
    expect(decryptProviderKey(row.providerKeyCiphertext!, env.providerKeySecret())).toBe(KEY);
    expect(() => decryptProviderKey(row.providerKeyCiphertext!, "another secret")).toThrow();
    expect(row.providerKeyLast4).toBe("cdef");
    // Nothing else in the database holds it either (the audit entry keeps the last four only).
    const audit = await db.auditEntry.findMany({ where: { teamId } });
    expect(JSON.stringify(audit)).not.toContain(KEY);
    expect(audit.map((a) => a.action).sort()).toEqual(["provider.changed", "provider.key_changed"]);
  });

  it("the settings DTO carries the last four only", async () => {
    const { teamId, admin } = await teamWithRoles();
    await saveProviderSettings(
      db,
      admin.id,
      teamId,
      { channel: "apiyi", baseUrl: null, apiKey: KEY },
      env.providerKeySecret(),
    );
    const dto = await readProviderSettings(db, admin.id, teamId);
    expect(dto).toEqual({ channel: "apiyi", baseUrl: null, keyLast4: "cdef", keyUpdatedAt: expect.any(String) });
    expect(JSON.stringify(dto)).not.toContain("TESTKEY");
  });

  it("a blank key keeps the stored one; a new key replaces it; key channels need a key", async () => {
    const { teamId, owner } = await teamWithRoles();
    await expect(
      saveProviderSettings(
        db,
        owner.id,
        teamId,
        { channel: "openai", baseUrl: null, apiKey: null },
        env.providerKeySecret(),
      ),
    ).rejects.toEqual(expect.objectContaining({ code: "keyRequired" }));
    await saveProviderSettings(
      db,
      owner.id,
      teamId,
      { channel: "openai", baseUrl: null, apiKey: KEY },
      env.providerKeySecret(),
    );
    const first = (await db.team.findUniqueOrThrow({ where: { id: teamId } })).providerKeyCiphertext;
    await saveProviderSettings(
      db,
      owner.id,
      teamId,
      { channel: "apiyi", baseUrl: null, apiKey: null },
      env.providerKeySecret(),
    );
    expect((await db.team.findUniqueOrThrow({ where: { id: teamId } })).providerKeyCiphertext).toBe(first);
    await saveProviderSettings(
      db,
      owner.id,
      teamId,
      { channel: "apiyi", baseUrl: null, apiKey: "sk-second-key-9999" },
      env.providerKeySecret(),
    );
    expect((await readProviderSettings(db, owner.id, teamId)).keyLast4).toBe("9999");
    await expect(
      saveProviderSettings(
        db,
        owner.id,
        teamId,
        { channel: "custom", baseUrl: null, apiKey: null },
        env.providerKeySecret(),
      ),
    ).rejects.toEqual(expect.objectContaining({ code: "baseUrlRequired" }));
  });

  it("members cannot read or change provider settings; strangers get not-found", async () => {
    const { teamId, member, stranger } = await teamWithRoles();
    await expect(readProviderSettings(db, member.id, teamId)).rejects.toEqual(new TeamAccessError("forbidden"));
    await expect(
      saveProviderSettings(db, member.id, teamId, { channel: "openai", baseUrl: null, apiKey: KEY }, "s"),
    ).rejects.toEqual(new TeamAccessError("forbidden"));
    await expect(testProviderConnection(db, member.id, teamId)).rejects.toEqual(new TeamAccessError("forbidden"));
    await expect(readProviderSettings(db, stranger.id, teamId)).rejects.toEqual(new TeamAccessError("not_found"));
    expect((await db.team.findUniqueOrThrow({ where: { id: teamId } })).providerKeyCiphertext).toBeNull();
  });
});

describe("test connection (the official SDK against the real simulator)", () => {
  it("working with a key the provider accepts", async () => {
    const { teamId, owner } = await teamWithRoles();
    await saveProviderSettings(
      db,
      owner.id,
      teamId,
      { channel: "custom", baseUrl: sim.api, apiKey: KEY },
      env.providerKeySecret(),
    );
    expect(await testProviderConnection(db, owner.id, teamId)).toEqual({ outcome: "working" });
  });

  it("rejected when the provider answers 401", async () => {
    const { teamId, owner } = await teamWithRoles();
    await saveProviderSettings(
      db,
      owner.id,
      teamId,
      { channel: "custom", baseUrl: sim.api, apiKey: "sk-invalid-key-0000" },
      env.providerKeySecret(),
    );
    expect(await testProviderConnection(db, owner.id, teamId)).toEqual({ outcome: "rejected", httpStatus: 401 });
  });

  it("unreachable when nothing listens, or the host does not resolve", async () => {
    const { teamId, owner } = await teamWithRoles();
    await saveProviderSettings(
      db,
      owner.id,
      teamId,
      { channel: "custom", baseUrl: `http://127.0.0.1:${await closedPort()}/v1`, apiKey: KEY },
      env.providerKeySecret(),
    );
    expect(await testProviderConnection(db, owner.id, teamId)).toEqual({ outcome: "unreachable" });
    await saveProviderSettings(
      db,
      owner.id,
      teamId,
      { channel: "custom", baseUrl: "http://no-such-host.invalid/v1", apiKey: null },
      env.providerKeySecret(),
    );
    expect(await testProviderConnection(db, owner.id, teamId, 3000)).toEqual({ outcome: "unreachable" });
  });

  it("an unexpected answer when the base URL is not a videos API", async () => {
    const { teamId, owner } = await teamWithRoles();
    await saveProviderSettings(
      db,
      owner.id,
      teamId,
      { channel: "custom", baseUrl: `${sim.url}/not-v1`, apiKey: KEY },
      env.providerKeySecret(),
    );
    expect(await testProviderConnection(db, owner.id, teamId)).toMatchObject({ outcome: "unexpected" });
  });
});
