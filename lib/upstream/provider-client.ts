import "server-only";
import OpenAI from "openai";
import { env } from "@/lib/env";
import { CHANNELS, isChannelId, type ChannelId } from "@/lib/videos/model-registry";
import { decryptProviderKey } from "@/lib/teams/provider-key-crypto";

// The one way the studio reaches a provider: the official openai SDK, pointed at the team's
// channel. Retries are ours to decide (create must never be retried blindly), so maxRetries is 0.

export type TeamProviderSettings = {
  providerChannel: string;
  providerBaseUrl: string | null;
  providerKeyCiphertext: string | null;
};

export class ProviderNotConfiguredError extends Error {
  constructor(readonly reason: "missing_key" | "missing_base_url" | "unknown_channel") {
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

/**
 * A client for the team's current settings. Running tasks are polled and archived with these
 * too: replacing a key on the same channel carries on with the new key (docs/team-account.md).
 */
export function providerClientFor(team: TeamProviderSettings, opts: { timeoutMs?: number } = {}): OpenAI {
  const channel = channelOf(team);
  const baseURL = providerBaseUrl(channel, team.providerBaseUrl);
  if (!baseURL) throw new ProviderNotConfiguredError("missing_base_url");
  let apiKey = channel === "simulator" ? studioSimulatorKey() : "";
  if (channel !== "simulator") {
    if (!team.providerKeyCiphertext) throw new ProviderNotConfiguredError("missing_key");
    apiKey = decryptProviderKey(team.providerKeyCiphertext, env.providerKeySecret());
  }
  return new OpenAI({ apiKey, baseURL, maxRetries: 0, timeout: opts.timeoutMs ?? 60_000 });
}
