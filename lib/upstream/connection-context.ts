import "server-only";
import { randomBytes } from "node:crypto";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { readCatalogueEntry, type PresetSpec } from "@/lib/models";
import type { ConnectionContext } from "./provider-http";
import { decryptProviderKey, encryptProviderKey } from "./provider-key-crypto";

// What a dialect may ask about a stored connection beyond its key (provider-http.ts
// ConnectionContext): a model's cached catalogue entry, and the callback the provider should
// make — our URL for this connection and its signing secret (docs/decisions/063).

/** The callback route of a dialect's connection: /api/callbacks/<dialect>/<connection id>. */
export function callbackPath(dialect: string, connectionId: string): string {
  return `/api/callbacks/${dialect}/${encodeURIComponent(connectionId)}`;
}

/**
 * Where a provider can reach the studio: the public origin (AUTH_URL); for the embedded
 * simulator, which runs inside the studio, the studio's own origin. null: no callbacks (polling).
 */
export function callbackOrigin(preset: PresetSpec): string | null {
  if (env.authUrl) return env.authUrl.replace(/\/+$/, "");
  if (preset.simulatorProfile && env.simulatorBaseUrl.includes("/api/simulator/"))
    return new URL(env.simulatorBaseUrl).origin;
  return null;
}

/** The connection's callback secret ("whsec_" + 32 random bytes, base64), made once, stored encrypted. */
export async function ensureCallbackSecret(connectionId: string): Promise<string> {
  const read = () =>
    db.providerConnection.findUniqueOrThrow({
      where: { id: connectionId },
      select: { callbackSecretCiphertext: true },
    });
  let row = await read();
  if (!row.callbackSecretCiphertext) {
    const secret = `whsec_${randomBytes(32).toString("base64")}`;
    // Only if still empty: two first jobs at once keep one secret.
    await db.providerConnection.updateMany({
      where: { id: connectionId, callbackSecretCiphertext: null },
      data: { callbackSecretCiphertext: encryptProviderKey(secret, env.providerKeySecret()) },
    });
    row = await read();
  }
  return decryptProviderKey(row.callbackSecretCiphertext!, env.providerKeySecret());
}

export function connectionContext(connectionId: string, preset: PresetSpec): ConnectionContext {
  return {
    async catalogueEntry(modelId) {
      const row = await db.catalogueModel.findUnique({
        where: { connectionId_modelId: { connectionId, modelId } },
        select: { spec: true },
      });
      return row ? readCatalogueEntry(row.spec) : null;
    },
    async callback() {
      const origin = preset.callbacks ? callbackOrigin(preset) : null;
      if (!origin) return null;
      return {
        url: `${origin}${callbackPath(preset.dialect, connectionId)}`,
        secret: await ensureCallbackSecret(connectionId),
      };
    },
  };
}
