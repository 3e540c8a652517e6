import "server-only";
import { env } from "@/lib/env";
import { findPreset, type PresetSpec } from "@/lib/models";
import { simulatorProfileBaseUrl } from "@/lib/simulator/profile-names";
import { decryptProviderKey } from "./provider-key-crypto";
import { ProviderNotConfiguredError, type Provider } from "./provider-client";
import { adapterFor } from "./adapters";
import { connectionContext } from "./connection-context";

// A stored connection (prisma ProviderConnection) → the adapter of its preset's dialect and the
// decrypted key. Tasks call this with the connection they were created on, every time they talk
// to the provider, so a replaced key is used from the next call on.

export type ConnectionRow = {
  /** Present for stored rows: dialects with a catalogue or callbacks need it (connection-context.ts). */
  id?: string;
  preset: string;
  baseUrl: string | null;
  keyCiphertext: string | null;
};

/** The select that gives a ConnectionRow. */
export const CONNECTION_ROW_SELECT = { id: true, preset: true, baseUrl: true, keyCiphertext: true } as const;

/** The base URL a connection talks to: the typed one, else the preset's, else the simulator profile's. */
export function connectionBaseUrl(preset: PresetSpec, baseUrl: string | null): string | null {
  if (preset.simulatorProfile) {
    return preset.simulatorProfile === "openai"
      ? env.simulatorBaseUrl
      : simulatorProfileBaseUrl(env.simulatorBaseUrl, preset.simulatorProfile);
  }
  return baseUrl || preset.defaultBaseUrl;
}

export function providerForConnection(row: ConnectionRow | null): Provider {
  if (!row) throw new ProviderNotConfiguredError("unknown_channel");
  const preset = findPreset(row.preset);
  if (!preset) throw new ProviderNotConfiguredError("unknown_channel");
  const baseUrl = connectionBaseUrl(preset, row.baseUrl);
  if (!baseUrl) throw new ProviderNotConfiguredError("missing_base_url");
  let apiKey: string;
  if (preset.simulatorProfile) apiKey = env.simulatorKey();
  else if (!row.keyCiphertext) throw new ProviderNotConfiguredError("missing_key");
  else apiKey = decryptProviderKey(row.keyCiphertext, env.providerKeySecret());
  const adapter = adapterFor(preset.dialect);
  if (!adapter) throw new ProviderNotConfiguredError("unknown_dialect");
  // API易's 官逆 documents the bare key, without "Bearer".
  const auth = preset.dialect === "yi-reverse" ? "raw" : "bearer";
  const context = row.id && (preset.catalogue || preset.callbacks) ? connectionContext(row.id, preset) : undefined;
  return { adapter, connection: { dialect: preset.dialect, baseUrl, apiKey, auth, ...(context ? { context } : {}) } };
}
