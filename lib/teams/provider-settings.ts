import "server-only";
import type { Db } from "@/lib/db/client";
import { recordAudit } from "@/lib/audit/record";
import { providerFor, type Provider } from "@/lib/upstream/provider-client";
import { ProviderHttpError, ProviderNetworkError } from "@/lib/upstream/provider-http";
import { isChannelId, type ChannelId } from "@/lib/videos/model-registry";
import type { Reader } from "./db-types";
import { authorize, TeamRuleError } from "./authorize";
import { encryptProviderKey, keyLast4 } from "./provider-key-crypto";

/** What the settings page may know: never the key, never its ciphertext. */
export type ProviderSettingsDto = {
  channel: ChannelId;
  baseUrl: string | null;
  keyLast4: string | null;
  keyUpdatedAt: string | null;
};

export async function readProviderSettings(db: Reader, actorId: string, teamId: string): Promise<ProviderSettingsDto> {
  const { team } = await authorize(db, actorId, teamId, "provider.manage");
  const row = await db.team.findUniqueOrThrow({
    where: { id: team.id },
    select: {
      providerChannel: true,
      providerBaseUrl: true,
      providerKeyLast4: true,
      providerKeyUpdatedAt: true,
      providerKeyCiphertext: true,
    },
  });
  return {
    channel: isChannelId(row.providerChannel) ? row.providerChannel : "simulator",
    baseUrl: row.providerBaseUrl,
    keyLast4: row.providerKeyCiphertext ? row.providerKeyLast4 : null,
    keyUpdatedAt: row.providerKeyCiphertext ? (row.providerKeyUpdatedAt?.toISOString() ?? null) : null,
  };
}

export type ProviderSettingsInput = { channel: ChannelId; baseUrl: string | null; apiKey: string | null };

/**
 * Saves channel, base URL and (when typed) a new key, encrypted. A blank key keeps the stored
 * one. Tasks already running keep going on the team's current settings: the engine reads them
 * at every poll, so a replaced key is used from the next poll on (docs/team-account.md).
 */
export async function saveProviderSettings(
  db: Db,
  actorId: string,
  teamId: string,
  input: ProviderSettingsInput,
  secret: string,
  now = new Date(),
) {
  await db.$transaction(async (tx) => {
    const { team } = await authorize(tx, actorId, teamId, "provider.manage");
    const before = await tx.team.findUniqueOrThrow({
      where: { id: team.id },
      select: { providerChannel: true, providerBaseUrl: true, providerKeyCiphertext: true, providerKeyLast4: true },
    });
    const baseUrl = input.channel === "custom" ? input.baseUrl : null;
    if (input.channel === "custom" && !baseUrl) throw new TeamRuleError("baseUrlRequired");
    if (input.channel !== "simulator" && !input.apiKey && !before.providerKeyCiphertext)
      throw new TeamRuleError("keyRequired");
    const key = input.apiKey
      ? {
          providerKeyCiphertext: encryptProviderKey(input.apiKey, secret),
          providerKeyLast4: keyLast4(input.apiKey),
          providerKeyUpdatedAt: now,
        }
      : {};
    await tx.team.update({
      where: { id: team.id },
      data: { providerChannel: input.channel, providerBaseUrl: baseUrl, ...key },
    });
    if (before.providerChannel !== input.channel || before.providerBaseUrl !== baseUrl) {
      await recordAudit(tx, {
        teamId: team.id,
        actorId,
        action: "provider.changed",
        data: { from: before.providerChannel, to: input.channel, baseUrl },
      });
    }
    if (key.providerKeyLast4) {
      await recordAudit(tx, {
        teamId: team.id,
        actorId,
        action: "provider.key_changed",
        data: { last4: key.providerKeyLast4, replaced: Boolean(before.providerKeyCiphertext) },
      });
    }
  });
}

export type ConnectionResult =
  | { outcome: "working" }
  | { outcome: "rejected"; httpStatus: number }
  | { outcome: "unreachable" }
  | { outcome: "unexpected"; httpStatus: number | null }
  | { outcome: "notConfigured" };

/**
 * Lists one video with the saved settings through the official SDK. The answer is a category,
 * never the upstream's message: a relay may echo the key it was sent.
 */
export async function testProviderConnection(
  db: Reader,
  actorId: string,
  teamId: string,
  timeoutMs = 10_000,
): Promise<ConnectionResult> {
  const { team } = await authorize(db, actorId, teamId, "provider.manage");
  const settings = await db.team.findUniqueOrThrow({
    where: { id: team.id },
    select: { providerChannel: true, providerBaseUrl: true, providerKeyCiphertext: true },
  });
  let provider: Provider;
  try {
    provider = providerFor(settings);
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
