import "server-only";
import type { Reader } from "@/lib/db/client";
import {
  catalogueModelSpec,
  findPreset,
  readCatalogueEntry,
  type ModelSpec,
  type PresetSpec,
  type PriceOverride,
} from "@/lib/models";
import { parseStoredPrice } from "@/lib/teams/stored-price";
import type { ConnectionOffer } from "./form-rules";
import { VideoRequestError } from "./validate-video-request";

// What a team can buy: its active connections, each with its preset's models (or, for a preset
// with a live catalogue, the models last read from the provider: CatalogueModel rows not removed)
// less the models its admins hid, and the prices its admins set. Generate offers exactly this; a
// submit resolves its connection and model here, so the check and the price use the same entry
// the form showed (decision 060).

export async function teamOffers(
  db: Reader,
  teamId: string,
  opts: { includeArchived?: boolean } = {},
): Promise<ConnectionOffer[]> {
  const rows = await db.providerConnection.findMany({
    where: { teamId, ...(opts.includeArchived ? {} : { archivedAt: null }) },
    orderBy: { createdAt: "asc" },
    select: {
      id: true,
      name: true,
      preset: true,
      prices: { select: { modelId: true, price: true } },
      catalogueModels: { where: { removedAt: null }, orderBy: { modelId: "asc" }, select: { spec: true } },
      hiddenModels: { select: { modelId: true } },
    },
  });
  return rows.flatMap((row) => {
    const preset = findPreset(row.preset);
    if (!preset) return [];
    const hidden = new Set(row.hiddenModels.map((h) => h.modelId));
    const models = (preset.catalogue ? catalogueModels(row.catalogueModels) : [...preset.models]).filter(
      (m) => !hidden.has(m.id),
    );
    const prices = Object.fromEntries(
      row.prices.flatMap((p) => {
        const price = parseStoredPrice(p.price);
        return price ? [[p.modelId, price] as const] : [];
      }),
    );
    return [{ id: row.id, name: row.name, preset: preset.id, models, prices }];
  });
}

/** The cached catalogue rows the studio can sell (readable, with a size, a duration and a price). */
function catalogueModels(rows: readonly { spec: string }[]): ModelSpec[] {
  return rows.flatMap((row) => {
    const entry = readCatalogueEntry(row.spec);
    const model = entry ? catalogueModelSpec(entry) : null;
    return model ? [model] : [];
  });
}

export type ResolvedModel = {
  connectionId: string;
  preset: PresetSpec;
  model: ModelSpec;
  override: PriceOverride | null;
};

/**
 * The connection and model a submit uses. Without a connection id, the team's first active
 * connection that offers the model (older clients and the studio's own scripts). A remix stays on
 * its source's connection, even one taken off Generate since.
 */
export async function resolveOfferedModel(
  db: Reader,
  teamId: string,
  connectionId: string | undefined,
  modelId: string,
  opts: { includeArchived?: boolean } = {},
): Promise<ResolvedModel> {
  const offers = await teamOffers(db, teamId, opts);
  const offer = connectionId
    ? offers.find((o) => o.id === connectionId)
    : offers.find((o) => o.models.some((m) => m.id === modelId));
  if (!offer) {
    if (connectionId) throw new VideoRequestError("connection", "unknownConnection");
    throw new VideoRequestError("model", "unknownModel", { model: modelId });
  }
  const model = offer.models.find((m) => m.id === modelId);
  if (!model) throw new VideoRequestError("model", "unknownModel", { model: modelId });
  const price = offer.prices[model.id];
  return {
    connectionId: offer.id,
    preset: findPreset(offer.preset)!,
    model,
    override: price ? { modelId: model.id, price } : null,
  };
}
