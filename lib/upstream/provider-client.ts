import type { ProviderAdapter } from "./adapter";
import type { UpstreamConnection } from "./provider-http";

// What the studio holds to talk to one provider: the adapter of the connection's dialect and the
// connection with its decrypted key (lib/upstream/connections.ts builds it from a stored row).

export type Provider = { adapter: ProviderAdapter; connection: UpstreamConnection };

export class ProviderNotConfiguredError extends Error {
  constructor(
    readonly reason:
      "missing_key" | "missing_base_url" | "unknown_channel" | "unknown_dialect" | "model_not_in_catalogue",
  ) {
    super(`Provider not configured: ${reason}`);
  }
}
