import "server-only";
import { env } from "@/lib/env";
import { CHANNELS, isChannelId, type ChannelId } from "@/lib/videos/model-registry";
import { decryptProviderKey } from "@/lib/teams/provider-key-crypto";
import type { ProviderAdapter } from "./adapter";
import { adapterFor } from "./adapters";
import type { UpstreamConnection } from "./provider-http";

// The one way the studio reaches a provider: the adapter of the connection's dialect with the
// connection's decrypted key. Retries are the caller's to decide (a create is never retried blindly).

export type TeamProviderSettings = {
  providerChannel: string;
  providerBaseUrl: string | null;
  providerKeyCiphertext: string | null;
};

export class ProviderNotConfiguredError extends Error {
  constructor(readonly reason: "missing_key" | "missing_base_url" | "unknown_channel" | "unknown_dialect") {
    super(`Provider not configured: ${reason}`);
  }
}

// The studio's own key for its simulator: generated once into the data folder (or
// SIMULATOR_STUDIO_KEY); the embedded simulator accepts no other (docs/decisions/014).
const studioSimulatorKey = (): string => env.simulatorKey();

export function providerBaseUrl(channel: ChannelId, customBaseUrl: string | null): string | null {
  if (channel === "simulator") return env.simulatorBaseUrl;
  if (channel === "custom") return customBaseUrl;
  return CHANNELS[channel].defaultBaseUrl;
}

export function channelOf(team: TeamProviderSettings): ChannelId {
  if (!isChannelId(team.providerChannel)) throw new ProviderNotConfiguredError("unknown_channel");
  return team.providerChannel;
}

export type Provider = { adapter: ProviderAdapter; connection: UpstreamConnection };

/**
 * The adapter and connection for the team's current settings. Running tasks are polled and
 * archived with these too: replacing a key on the same channel carries on with the new key.
 */
export function providerFor(team: TeamProviderSettings): Provider {
  const channel = channelOf(team);
  const baseUrl = providerBaseUrl(channel, team.providerBaseUrl);
  if (!baseUrl) throw new ProviderNotConfiguredError("missing_base_url");
  let apiKey = channel === "simulator" ? studioSimulatorKey() : "";
  if (channel !== "simulator") {
    if (!team.providerKeyCiphertext) throw new ProviderNotConfiguredError("missing_key");
    apiKey = decryptProviderKey(team.providerKeyCiphertext, env.providerKeySecret());
  }
  const dialect = "openai";
  const adapter = adapterFor(dialect);
  if (!adapter) throw new ProviderNotConfiguredError("unknown_dialect");
  return { adapter, connection: { dialect, baseUrl, apiKey, auth: "bearer" } };
}
