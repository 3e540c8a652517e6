"use server";

import { revalidatePath } from "next/cache";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { teamAction } from "@/lib/forms/define-action";
import { findPreset } from "@/lib/models";
import {
  addConnection,
  archiveConnection,
  setModelPrice,
  testConnection,
  updateConnection,
} from "@/lib/teams/connections";
import {
  addConnectionSchema,
  connectionTargetSchema,
  modelPriceSchema,
  updateConnectionSchema,
} from "@/lib/teams/team-form-schemas";

// Team → Connections. A key typed here is encrypted and stored; it is never echoed back (not in
// `keep`, so never in `values`), never logged, and never part of a message. Every refusal of the
// data layer (unknown preset, last connection, a connection of another team) is a TeamRuleError or
// TeamAccessError, answered by the wrapper in the person's language.

/** A base URL equal to the preset's default is stored as null: the default, should it move. */
function baseUrlFor(presetId: string, baseUrl: string | null): string | null {
  const preset = findPreset(presetId);
  if (!preset || preset.simulatorProfile) return null;
  return baseUrl === preset.defaultBaseUrl ? null : baseUrl;
}

function refresh(teamId: string) {
  // The connections page, and Generate (its offers) in the same layout.
  revalidatePath(`/t/${teamId}`, "layout");
}

export const addConnectionAction = teamAction({
  schema: addConnectionSchema,
  permission: "provider.manage",
  keep: ["preset", "name", "baseUrl"],
  run: async ({ input, user, t }) => {
    const { teamId, preset, name, apiKey } = input;
    await addConnection(
      db,
      user.id,
      teamId,
      { name, preset, baseUrl: baseUrlFor(preset, input.baseUrl), apiKey },
      env.providerKeySecret(),
    );
    refresh(teamId);
    return { ok: true, message: t("provider.add.added") };
  },
});

export const updateConnectionAction = teamAction({
  schema: updateConnectionSchema,
  permission: "provider.manage",
  keep: ["name", "baseUrl"],
  run: async ({ input, user, t }) => {
    const { teamId, connectionId, name, baseUrl, apiKey } = input;
    await updateConnection(db, user.id, teamId, connectionId, { name, baseUrl, apiKey }, env.providerKeySecret());
    refresh(teamId);
    return { ok: true, message: t("provider.edit.saved") };
  },
});

export const archiveConnectionAction = teamAction({
  schema: connectionTargetSchema,
  permission: "provider.manage",
  run: async ({ input, user, t }) => {
    await archiveConnection(db, user.id, input.teamId, input.connectionId);
    refresh(input.teamId);
    return { ok: true, message: t("provider.archive.done") };
  },
});

export const setModelPriceAction = teamAction({
  schema: modelPriceSchema,
  permission: "provider.manage",
  run: async ({ input, user, t }) => {
    await setModelPrice(db, user.id, input.teamId, input.connectionId, input.modelId, input.price);
    refresh(input.teamId);
    return { ok: true, message: t(input.price ? "provider.prices.saved" : "provider.prices.cleared") };
  },
});

export const testConnectionAction = teamAction({
  schema: connectionTargetSchema,
  permission: "provider.manage",
  run: async ({ input, user, t }) => {
    const result = await testConnection(db, user.id, input.teamId, input.connectionId);
    switch (result.outcome) {
      case "working":
        return { ok: true, message: t("provider.test.working") };
      case "rejected":
        return { ok: false, formError: t("provider.test.rejected", { status: result.httpStatus }) };
      case "unreachable":
        return { ok: false, formError: t("provider.test.unreachable") };
      case "notConfigured":
        return { ok: false, formError: t("provider.test.notConfigured") };
      case "unexpected":
        return { ok: false, formError: t("provider.test.unexpected", { status: String(result.httpStatus ?? "—") }) };
    }
  },
});
