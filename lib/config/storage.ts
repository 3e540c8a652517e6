// Where the studio keeps its media (docs/deploy.md, decision 100): a local folder (the default) or
// an S3-compatible bucket. Pure: lib/env.ts validates the variables and calls this; scripts may too.

export type ChecksumMode = "WHEN_REQUIRED" | "WHEN_SUPPORTED";

export type S3Settings = {
  /** Where this server talks to the store (unset: AWS's own endpoint for the region). */
  endpoint: string | undefined;
  /** The host browsers reach, for presigned links (default: `endpoint`). */
  publicEndpoint: string | undefined;
  region: string;
  bucket: string;
  /** Unset: the AWS SDK's own credential chain (instance role, AWS_* variables, profiles). */
  credentials: { accessKeyId: string; secretAccessKey: string } | undefined;
  forcePathStyle: boolean;
  /**
   * The SDK's request checksums and response validation. Since client-s3 3.729 it sends streamed
   * bodies as aws-chunked with a CRC trailer, which non-AWS servers refuse or store corrupted:
   * WHEN_REQUIRED (the default for any endpoint but AWS's own) turns that off.
   */
  checksums: ChecksumMode;
  /** Prepended to every key (a bucket shared with other things); "" or ending in "/". */
  keyPrefix: string;
};

export type StorageSettings = {
  backend: "local" | "s3";
  /** The local folder (the backend when local; the source of `npm run storage:copy-to-s3`). */
  dir: string;
  /** Set whenever S3_BUCKET is: the copy command needs it before the switch. */
  s3: S3Settings | undefined;
  /** S3 only: 302 to a presigned link (default) or stream the bytes through this server. */
  delivery: "redirect" | "stream";
  /** S3 only: how long a presigned link is valid at most (it is reused for half of that). */
  presignSeconds: number;
};

export type StorageVariables = {
  STORAGE_BACKEND: "local" | "s3";
  S3_ENDPOINT?: string;
  S3_PUBLIC_ENDPOINT?: string;
  S3_REGION?: string;
  S3_BUCKET?: string;
  S3_ACCESS_KEY_ID?: string;
  S3_SECRET_ACCESS_KEY?: string;
  S3_FORCE_PATH_STYLE?: "true" | "false";
  S3_CHECKSUMS?: "when_required" | "when_supported";
  S3_KEY_PREFIX?: string;
  S3_MEDIA_DELIVERY: "redirect" | "stream";
  S3_PRESIGN_SECONDS: number;
  MEDIA_ACCEL_REDIRECT_PREFIX?: string;
};

const isAws = (endpoint: string | undefined) =>
  !endpoint || /(^|\.)amazonaws\.com(\.cn)?$/.test(new URL(endpoint).hostname);

/** Throws a plain sentence for a contradiction lib/env.ts reports with the others. */
export function resolveStorage(v: StorageVariables, dir: string): StorageSettings {
  if (v.STORAGE_BACKEND === "s3" && !v.S3_BUCKET) throw new Error("STORAGE_BACKEND=s3 needs S3_BUCKET");
  if (v.STORAGE_BACKEND === "s3" && v.MEDIA_ACCEL_REDIRECT_PREFIX)
    throw new Error("MEDIA_ACCEL_REDIRECT_PREFIX serves a local folder: unset it with STORAGE_BACKEND=s3");
  if (Boolean(v.S3_ACCESS_KEY_ID) !== Boolean(v.S3_SECRET_ACCESS_KEY))
    throw new Error("S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY go together (or neither: the AWS credential chain)");
  const aws = isAws(v.S3_ENDPOINT);
  const prefix = (v.S3_KEY_PREFIX ?? "").replace(/^\/+/, "");
  return {
    backend: v.STORAGE_BACKEND,
    dir,
    s3: v.S3_BUCKET
      ? {
          endpoint: v.S3_ENDPOINT,
          publicEndpoint: v.S3_PUBLIC_ENDPOINT ?? v.S3_ENDPOINT,
          region: v.S3_REGION ?? "us-east-1",
          bucket: v.S3_BUCKET,
          credentials:
            v.S3_ACCESS_KEY_ID && v.S3_SECRET_ACCESS_KEY
              ? { accessKeyId: v.S3_ACCESS_KEY_ID, secretAccessKey: v.S3_SECRET_ACCESS_KEY }
              : undefined,
          forcePathStyle: v.S3_FORCE_PATH_STYLE ? v.S3_FORCE_PATH_STYLE === "true" : !aws,
          checksums: v.S3_CHECKSUMS
            ? v.S3_CHECKSUMS === "when_required"
              ? "WHEN_REQUIRED"
              : "WHEN_SUPPORTED"
            : aws
              ? "WHEN_SUPPORTED"
              : "WHEN_REQUIRED",
          keyPrefix: prefix && !prefix.endsWith("/") ? `${prefix}/` : prefix,
        }
      : undefined,
    delivery: v.S3_MEDIA_DELIVERY,
    presignSeconds: v.S3_PRESIGN_SECONDS,
  };
}
