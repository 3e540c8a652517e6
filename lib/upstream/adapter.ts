import type { CatalogueEntry } from "@/lib/models";
import type { UpstreamConnection } from "./provider-http";
import type { ProviderJob, ResultVariant } from "./provider-job";

// The provider seam: one adapter per dialect (lib/upstream/dialects/), chosen by the connection.
// Everything the studio asks a provider goes through this interface; optional methods are
// missing where the dialect has no such call.

export type ReferenceImageInput = {
  bytes: Buffer;
  mimeType: string;
  /** Which frame the image is; most dialects take one image, the first frame. */
  frame: "first" | "last";
};

export type CreateJobInput = {
  model: string;
  prompt: string;
  /** Always explicit: an omitted size or duration lets some upstreams pick (and bill) another. */
  size: string;
  seconds: number;
  references: ReferenceImageInput[];
  /** Where the dialect takes one (OpenRouter); absent = the provider picks. */
  seed?: number;
};

export type CallOptions = { timeoutMs: number };

export interface ProviderAdapter {
  readonly dialect: string;
  /**
   * Where the result is comes from the job's body (a URL): the job is retrieved again right
   * before archiving, so a signed link is fresh. False: `/content` by id (OpenAI).
   */
  readonly resultInBody: boolean;
  create(connection: UpstreamConnection, input: CreateJobInput, options: CallOptions): Promise<ProviderJob>;
  retrieve(connection: UpstreamConnection, jobId: string, options: CallOptions): Promise<ProviderJob>;
  /**
   * The bytes of one variant of a finished job, or null when the dialect does not offer that
   * variant (the studio then makes its own poster and sprite sheet from the video).
   */
  fetchMedia(
    connection: UpstreamConnection,
    job: Pick<ProviderJob, "id" | "result">,
    variant: ResultVariant,
    options: CallOptions,
  ): Promise<Response | null>;
  remix?(connection: UpstreamConnection, jobId: string, prompt: string, options: CallOptions): Promise<ProviderJob>;
  delete?(connection: UpstreamConnection, jobId: string, options: CallOptions): Promise<void>;
  /** Recent jobs, newest first, to find a create whose answer was lost. */
  listRecent?(connection: UpstreamConnection, options: CallOptions): AsyncIterable<ProviderJob>;
  /** The provider's published models (OpenRouter's `GET /videos/models`), where it publishes them. */
  listCatalogue?(connection: UpstreamConnection, options: CallOptions): Promise<CatalogueEntry[]>;
  /** A verified completion callback's body as a job, where the dialect calls back (`callback_url`). */
  callbackJob?(body: unknown): ProviderJob;
  /** Resolves when the key works; throws the provider's error otherwise. */
  testConnection(connection: UpstreamConnection, options: CallOptions): Promise<void>;
}
