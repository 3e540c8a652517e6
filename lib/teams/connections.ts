import "server-only";
import type { Db, Reader, Tx } from "@/lib/db/client";
import { recordAudit } from "@/lib/audit/record";
import { findModel, findPreset, type Price } from "@/lib/models";
import { CONNECTION_ROW_SELECT, providerForConnection } from "@/lib/upstream/connections";
import type { Provider } from "@/lib/upstream/provider-client";
import { ProviderHttpError, ProviderNetworkError } from "@/lib/upstream/provider-http";
import { authorize, TeamRuleError } from "./authorize";
import { encryptProviderKey, keyLast4 } from "@/lib/upstream/provider-key-crypto";
import { parseStoredPrice } from "./stored-price";

// A team's provider connections (Team → Connections): add, rename, replace the key, archive, test,
// and set a model's price per connection. Every change is audited; keys are encrypted at once and
// never leave the server (the DTO has the last four characters only).

/** What the connections page may know: never the key, never its ciphertext. */
export type ConnectionDto = {
  id: string;
  name: string;
  preset: string;
  baseUrl: string | null;
  keyLast4: string | null;
  keyUpdatedAt: string | null;
  archived: boolean;
  createdAt: string;
  prices: { modelId: string; price: Price; updatedAt: string }[];
};

export async function listConnections(db: Reader, actorId: string, teamId: string): Promise<ConnectionDto[]> {
  const { team } = await authorize(db, actorId, teamId, "provider.manage");
  const rows = await db.providerConnection.findMany({
    where: { teamId: team.id },
    orderBy: { createdAt: "asc" },
    include: { prices: { orderBy: { modelId: "asc" } } },
  });
  // Active ones first, each group oldest first (in code: the databases sort NULLs differently).
  rows.sort((a, b) => Number(a.archivedAt !== null) - Number(b.archivedAt !== null));
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    preset: row.preset,
    baseUrl: row.baseUrl,
    keyLast4: row.keyCiphertext ? row.keyLast4 : null,
    keyUpdatedAt: row.keyCiphertext ? (row.keyUpdatedAt?.toISOString() ?? null) : null,
    archived: row.archivedAt !== null,
    createdAt: row.createdAt.toISOString(),
    prices: row.prices.flatMap((p) => {
      const price = parseStoredPrice(p.price);
      return price ? [{ modelId: p.modelId, price, updatedAt: p.updatedAt.toISOString() }] : [];
    }),
  }));
}

export type ConnectionInput = { name: string; preset: string; baseUrl: string | null; apiKey: string | null };

export async function addConnection(db: Db, actorId: string, teamId: string, input: ConnectionInput, secret: string) {
  return db.$transaction(async (tx) => {
    const { team } = await authorize(tx, actorId, teamId, "provider.manage");
    const preset = findPreset(input.preset);
    if (!preset) throw new TeamRuleError("unknownPreset");
    const baseUrl = preset.simulatorProfile || input.baseUrl === preset.defaultBaseUrl ? null : input.baseUrl;
    if (!preset.simulatorProfile && !baseUrl && !preset.defaultBaseUrl) throw new TeamRuleError("baseUrlRequired");
    if (!preset.simulatorProfile && !input.apiKey) throw new TeamRuleError("keyRequired");
    const key = input.apiKey && !preset.simulatorProfile ? keyFields(input.apiKey, secret, new Date()) : null;
    const row = await tx.providerConnection.create({
      data: { teamId: team.id, name: input.name, preset: preset.id, baseUrl, ...(key ?? {}) },
      select: { id: true },
    });
    await recordAudit(tx, {
      teamId: team.id,
      actorId,
      action: "connection.added",
      targetId: row.id,
      data: { name: input.name, preset: preset.id, baseUrl, last4: key?.keyLast4 ?? null },
    });
    return row.id;
  });
}

export type ConnectionUpdate = { name: string; baseUrl: string | null; apiKey: string | null };

/** Rename, move the base URL, or replace the key (a blank key keeps the stored one). */
export async function updateConnection(
  db: Db,
  actorId: string,
  teamId: string,
  connectionId: string,
  input: ConnectionUpdate,
  secret: string,
) {
  await db.$transaction(async (tx) => {
    const { team } = await authorize(tx, actorId, teamId, "provider.manage");
    const before = await findOwn(tx, team.id, connectionId);
    const preset = findPreset(before.preset);
    // The preset's own address is stored as null: a later change of that default reaches it too.
    const baseUrl = preset?.simulatorProfile || input.baseUrl === preset?.defaultBaseUrl ? null : input.baseUrl;
    if (preset && !preset.simulatorProfile && !baseUrl && !preset.defaultBaseUrl)
      throw new TeamRuleError("baseUrlRequired");
    const key = input.apiKey && !preset?.simulatorProfile ? keyFields(input.apiKey, secret, new Date()) : null;
    await tx.providerConnection.update({
      where: { id: before.id },
      data: { name: input.name, baseUrl, ...(key ?? {}) },
    });
    if (before.name !== input.name || before.baseUrl !== baseUrl) {
      await recordAudit(tx, {
        teamId: team.id,
        actorId,
        action: "connection.changed",
        targetId: before.id,
        data: { fromName: before.name, fromBaseUrl: before.baseUrl, name: input.name, baseUrl },
      });
    }
    if (key) {
      await recordAudit(tx, {
        teamId: team.id,
        actorId,
        action: "connection.key_changed",
        targetId: before.id,
        data: { name: input.name, last4: key.keyLast4, replaced: Boolean(before.keyCiphertext) },
      });
    }
  });
}

/**
 * Takes a connection off Generate. It stays stored: tasks created on it are still polled, archived
 * and shown with it. The team's last active connection cannot go.
 */
export async function archiveConnection(db: Db, actorId: string, teamId: string, connectionId: string) {
  await db.$transaction(async (tx) => {
    const { team } = await authorize(tx, actorId, teamId, "provider.manage");
    const row = await findOwn(tx, team.id, connectionId);
    if (row.archivedAt) return;
    const active = await tx.providerConnection.count({ where: { teamId: team.id, archivedAt: null } });
    if (active <= 1) throw new TeamRuleError("lastConnection");
    await tx.providerConnection.update({ where: { id: row.id }, data: { archivedAt: new Date() } });
    await recordAudit(tx, {
      teamId: team.id,
      actorId,
      action: "connection.archived",
      targetId: row.id,
      data: { name: row.name },
    });
  });
}

/** An admin's price for one model on one connection (null clears it: the registry's price again). */
export async function setModelPrice(
  db: Db,
  actorId: string,
  teamId: string,
  connectionId: string,
  modelId: string,
  price: Price | null,
) {
  await db.$transaction(async (tx) => {
    const { team } = await authorize(tx, actorId, teamId, "provider.manage");
    const row = await findOwn(tx, team.id, connectionId);
    const model = findModel(row.preset, modelId);
    if (!model) throw new TeamRuleError("unknownModel");
    const where = { connectionId_modelId: { connectionId: row.id, modelId } };
    if (price === null) {
      const removed = await tx.modelPriceOverride.deleteMany({ where: { connectionId: row.id, modelId } });
      if (removed.count > 0)
        await recordAudit(tx, {
          teamId: team.id,
          actorId,
          action: "connection.price_cleared",
          targetId: row.id,
          data: { name: row.name, modelId, catalogue: JSON.stringify(model.price) },
        });
      return;
    }
    const json = JSON.stringify(price);
    await tx.modelPriceOverride.upsert({
      where,
      create: { connectionId: row.id, modelId, price: json, updatedById: actorId },
      update: { price: json, updatedById: actorId },
    });
    await recordAudit(tx, {
      teamId: team.id,
      actorId,
      action: "connection.price_set",
      targetId: row.id,
      data: { name: row.name, modelId, price: json, catalogue: JSON.stringify(model.price) },
    });
  });
}

export type ConnectionResult =
  | { outcome: "working" }
  | { outcome: "rejected"; httpStatus: number }
  | { outcome: "unreachable" }
  | { outcome: "unexpected"; httpStatus: number | null }
  | { outcome: "notConfigured" };

/**
 * Asks the provider something harmless with the saved settings. The answer is a category, never
 * the upstream's message: a relay may echo the key it was sent.
 */
export async function testConnection(
  db: Reader,
  actorId: string,
  teamId: string,
  connectionId: string,
  timeoutMs = 10_000,
): Promise<ConnectionResult> {
  const { team } = await authorize(db, actorId, teamId, "provider.manage");
  const row = await db.providerConnection.findFirst({
    where: { id: connectionId, teamId: team.id },
    select: CONNECTION_ROW_SELECT,
  });
  if (!row) throw new TeamRuleError("connectionNotFound");
  let provider: Provider;
  try {
    provider = providerForConnection(row);
  } catch {
    // Not configured, or an undecryptable key (the secret changed): the same as no usable key.
    return { outcome: "notConfigured" };
  }
  try {
    await provider.adapter.testConnection(provider.connection, { timeoutMs });
    return { outcome: "working" };
  } catch (error) {
    if (error instanceof ProviderNetworkError) return { outcome: "unreachable" };
    if (error instanceof ProviderHttpError && (error.status === 401 || error.status === 403))
      return { outcome: "rejected", httpStatus: error.status };
    if (error instanceof ProviderHttpError) return { outcome: "unexpected", httpStatus: error.status };
    return { outcome: "unexpected", httpStatus: null };
  }
}

function keyFields(apiKey: string, secret: string, now: Date) {
  return { keyCiphertext: encryptProviderKey(apiKey, secret), keyLast4: keyLast4(apiKey), keyUpdatedAt: now };
}

async function findOwn(tx: Tx, teamId: string, connectionId: string) {
  const row = await tx.providerConnection.findFirst({ where: { id: connectionId, teamId } });
  if (!row) throw new TeamRuleError("connectionNotFound");
  return row;
}
