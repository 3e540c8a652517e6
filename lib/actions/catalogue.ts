"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { teamAction } from "@/lib/forms/define-action";
import { idField } from "@/lib/teams/team-form-schemas";
import { refreshCatalogueNow, setModelHidden } from "@/lib/upstream/catalogue-admin";

// Team → Connections, live catalogues (OpenRouter): "Refresh models" and hiding a model from the
// team's Generate page. Admins only (provider.manage), checked again in lib/upstream/catalogue-admin.ts.

const targetSchema = z.object({ teamId: idField, connectionId: idField });
const hiddenSchema = targetSchema.extend({
  modelId: z.string().trim().min(1, "teamErrors.unknownModel").max(200, "teamErrors.unknownModel"),
  hidden: z.enum(["true", "false"]),
});

export const refreshCatalogueAction = teamAction({
  schema: targetSchema,
  permission: "provider.manage",
  run: async ({ input, user, t }) => {
    const outcome = await refreshCatalogueNow(user.id, input.teamId, input.connectionId);
    revalidatePath(`/t/${input.teamId}`, "layout");
    if (!outcome.ok) {
      return outcome.error === "busy"
        ? { ok: false, formError: t("catalogue.refresh.busy") }
        : { ok: false, formError: t("catalogue.refresh.failed", { reason: outcome.error }) };
    }
    const { added, changed, removed } = outcome;
    return {
      ok: true,
      message: t("catalogue.refresh.done", { added: added.length, changed: changed.length, removed: removed.length }),
    };
  },
});

export const setModelHiddenAction = teamAction({
  schema: hiddenSchema,
  permission: "provider.manage",
  run: async ({ input, user, t }) => {
    const hidden = input.hidden === "true";
    await setModelHidden(user.id, input.teamId, input.connectionId, input.modelId, hidden);
    revalidatePath(`/t/${input.teamId}`, "layout");
    return { ok: true, message: t(hidden ? "catalogue.hiddenDone" : "catalogue.shownDone", { model: input.modelId }) };
  },
});
