import "server-only";
import type { Reader } from "@/lib/db/client";
import { db } from "@/lib/db";
import { catalogueModelSpec, readCatalogueEntry, type ModelSpec } from "@/lib/models";
import { authorize, TeamRuleError } from "@/lib/teams/authorize";
import { publishesCatalogue, refreshCatalogue, type RefreshOutcome } from "./catalogue-refresh";

// Team → Connections, for admins (provider.manage): a catalogue connection's models as last read,
// "Refresh models" now, and hiding a model from the team's Generate page. A hidden or removed
// model stays on old tasks (they keep its id; the row stays).

export type CatalogueModelDto = {
  modelId: string;
  name: string;
  /** Gone from the provider's list since `removedAt` (ISO). */
  removedAt: string | null;
  hidden: boolean;
  firstSeenAt: string;
  /** The model as the studio sells it; null when it cannot be sold (no size, duration or readable price). */
  model: ModelSpec | null;
};

export type ConnectionCatalogueDto = {
  connectionId: string;
  refreshedAt: string | null;
  error: string | null;
  models: CatalogueModelDto[];
};

async function ownConnection(reader: Reader, teamId: string, connectionId: string) {
  const row = await reader.providerConnection.findFirst({
    where: { id: connectionId, teamId },
    select: { id: true, preset: true },
  });
  if (!row) throw new TeamRuleError("connectionNotFound");
  return row;
}

/** Every catalogue connection of the team with its models (active first, then removed). */
export async function teamCatalogues(
  reader: Reader,
  userId: string,
  teamId: string,
): Promise<ConnectionCatalogueDto[]> {
  const { team } = await authorize(reader, userId, teamId, "provider.manage");
  const rows = await reader.providerConnection.findMany({
    where: { teamId: team.id },
    select: {
      id: true,
      preset: true,
      catalogueRefreshedAt: true,
      catalogueError: true,
      catalogueModels: {
        orderBy: { modelId: "asc" },
        select: { modelId: true, spec: true, removedAt: true, firstSeenAt: true },
      },
      hiddenModels: { select: { modelId: true } },
    },
  });
  return rows
    .filter((row) => publishesCatalogue(row.preset))
    .map((row) => {
      const hidden = new Set(row.hiddenModels.map((h) => h.modelId));
      const models = row.catalogueModels.map((m) => {
        const entry = readCatalogueEntry(m.spec);
        return {
          modelId: m.modelId,
          name: entry?.name ?? m.modelId,
          removedAt: m.removedAt?.toISOString() ?? null,
          hidden: hidden.has(m.modelId),
          firstSeenAt: m.firstSeenAt.toISOString(),
          model: entry ? catalogueModelSpec(entry) : null,
        };
      });
      models.sort((a, b) => Number(a.removedAt !== null) - Number(b.removedAt !== null));
      return {
        connectionId: row.id,
        refreshedAt: row.catalogueRefreshedAt?.toISOString() ?? null,
        error: row.catalogueError,
        models,
      };
    });
}

/** For Team → Connections (pages call named queries, never Prisma). */
export function connectionCatalogues(userId: string, teamId: string): Promise<ConnectionCatalogueDto[]> {
  return teamCatalogues(db, userId, teamId);
}

/** "Refresh models": reads the provider's list now (admins). */
export async function refreshCatalogueNow(
  userId: string,
  teamId: string,
  connectionId: string,
): Promise<RefreshOutcome> {
  const { team } = await authorize(db, userId, teamId, "provider.manage");
  const row = await ownConnection(db, team.id, connectionId);
  if (!publishesCatalogue(row.preset)) throw new TeamRuleError("unknownPreset");
  return refreshCatalogue(row.id);
}

/** Hides a model from the team's Generate page, or shows it again (admins). */
export async function setModelHidden(
  userId: string,
  teamId: string,
  connectionId: string,
  modelId: string,
  hidden: boolean,
): Promise<void> {
  const { team } = await authorize(db, userId, teamId, "provider.manage");
  const row = await ownConnection(db, team.id, connectionId);
  if (hidden) {
    await db.hiddenModel.upsert({
      where: { connectionId_modelId: { connectionId: row.id, modelId } },
      create: { connectionId: row.id, modelId, hiddenById: userId },
      update: {},
    });
  } else {
    await db.hiddenModel.deleteMany({ where: { connectionId: row.id, modelId } });
  }
}
