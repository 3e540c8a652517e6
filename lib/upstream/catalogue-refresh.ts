import "server-only";
import { db } from "@/lib/db";
import { PRESETS, findPreset, readCatalogueEntry, serialiseCatalogueEntry, type PresetSpec } from "@/lib/models";
import { CONNECTION_ROW_SELECT, providerForConnection } from "./connections";
import { classifyProviderError } from "./provider-errors";

// Live catalogues (docs/providers.md, decision 060): a connection whose preset publishes its
// models (OpenRouter's GET /videos/models) keeps them as CatalogueModel rows. A refresh reads the
// list once and writes the difference: new models added, changed specs replaced, models gone
// upstream marked removed (the row stays, so old tasks stay readable). Generate reads only the
// rows, never the network. Refreshed by the sweep (one connection per sweep, every 6 hours; 15
// minutes after a failure) and on demand by an admin ("Refresh models").

export const CATALOGUE_REFRESH_MS = 6 * 3600_000;
export const CATALOGUE_RETRY_MS = 15 * 60_000;
const LEASE_MS = 60_000;
const TIMEOUT_MS = 20_000;

export const CATALOGUE_PRESET_IDS: readonly string[] = (PRESETS as readonly PresetSpec[])
  .filter((p) => p.catalogue)
  .map((p) => p.id);

export type RefreshOutcome =
  | { ok: true; added: string[]; changed: string[]; removed: string[] }
  | { ok: false; error: string }
  /** Another refresh of this connection is under way. */
  | { ok: false; error: "busy" };

/** A short, key-free reason: the provider's code and HTTP status, never its message (it may echo the key). */
function errorText(error: unknown): string {
  const failure = classifyProviderError(error);
  return (failure.httpStatus ? `${failure.code} (HTTP ${failure.httpStatus})` : failure.code).slice(0, 200);
}

/** Reads the connection's catalogue now and stores the difference. No permission check: callers check. */
export async function refreshCatalogue(connectionId: string, now = new Date()): Promise<RefreshOutcome> {
  const claimed = await db.providerConnection.updateMany({
    where: {
      id: connectionId,
      preset: { in: [...CATALOGUE_PRESET_IDS] },
      OR: [{ catalogueLeaseUntil: null }, { catalogueLeaseUntil: { lt: now } }],
    },
    data: { catalogueLeaseUntil: new Date(now.getTime() + LEASE_MS) },
  });
  if (claimed.count === 0) return { ok: false, error: "busy" };
  const row = await db.providerConnection.findUniqueOrThrow({
    where: { id: connectionId },
    select: CONNECTION_ROW_SELECT,
  });
  try {
    const { adapter, connection } = providerForConnection(row);
    if (!adapter.listCatalogue) throw new Error("This dialect publishes no catalogue");
    const entries = await adapter.listCatalogue(connection, { timeoutMs: TIMEOUT_MS });
    const outcome = await storeCatalogue(connectionId, entries.map(serialiseCatalogueEntry), now);
    await db.providerConnection.update({
      where: { id: connectionId },
      data: {
        catalogueRefreshedAt: now,
        catalogueError: null,
        nextCatalogueRefreshAt: new Date(now.getTime() + CATALOGUE_REFRESH_MS),
        catalogueLeaseUntil: null,
      },
    });
    return { ok: true, ...outcome };
  } catch (error) {
    const text = errorText(error);
    await db.providerConnection.update({
      where: { id: connectionId },
      data: {
        catalogueError: text,
        nextCatalogueRefreshAt: new Date(now.getTime() + CATALOGUE_RETRY_MS),
        catalogueLeaseUntil: null,
      },
    });
    return { ok: false, error: text };
  }
}

async function storeCatalogue(connectionId: string, specs: string[], now: Date) {
  const added: string[] = [];
  const changed: string[] = [];
  const removed: string[] = [];
  await db.$transaction(async (tx) => {
    const existing = await tx.catalogueModel.findMany({
      where: { connectionId },
      select: { id: true, modelId: true, spec: true, removedAt: true },
    });
    const byId = new Map(existing.map((r) => [r.modelId, r]));
    const seen = new Set<string>();
    for (const spec of specs) {
      const modelId = readCatalogueEntry(spec)?.id;
      if (!modelId || seen.has(modelId)) continue;
      seen.add(modelId);
      const row = byId.get(modelId);
      if (!row) {
        await tx.catalogueModel.create({ data: { connectionId, modelId, spec, firstSeenAt: now, lastSeenAt: now } });
        added.push(modelId);
      } else if (row.spec !== spec || row.removedAt) {
        await tx.catalogueModel.update({ where: { id: row.id }, data: { spec, lastSeenAt: now, removedAt: null } });
        (row.removedAt ? added : changed).push(modelId);
      } else {
        await tx.catalogueModel.update({ where: { id: row.id }, data: { lastSeenAt: now } });
      }
    }
    const gone = existing.filter((r) => !seen.has(r.modelId) && !r.removedAt);
    if (gone.length > 0) {
      await tx.catalogueModel.updateMany({ where: { id: { in: gone.map((r) => r.id) } }, data: { removedAt: now } });
      removed.push(...gone.map((r) => r.modelId));
    }
  });
  return { added, changed, removed };
}

/**
 * The sweep's share: the one active catalogue connection most overdue (never read, or past its
 * next refresh), refreshed. One provider call per sweep at most.
 */
export async function refreshDueCatalogue(now = new Date()): Promise<RefreshOutcome | null> {
  const due = await db.providerConnection.findFirst({
    where: {
      archivedAt: null,
      preset: { in: [...CATALOGUE_PRESET_IDS] },
      OR: [{ nextCatalogueRefreshAt: null }, { nextCatalogueRefreshAt: { lte: now } }],
    },
    orderBy: { nextCatalogueRefreshAt: "asc" },
    select: { id: true },
  });
  return due ? refreshCatalogue(due.id, now) : null;
}

export function publishesCatalogue(presetId: string): boolean {
  return Boolean(findPreset(presetId)?.catalogue);
}
