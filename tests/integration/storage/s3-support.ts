import { createHash, randomUUID } from "node:crypto";
import { afterAll, beforeAll } from "vitest";
import { env } from "@/lib/env";
import type { StorageSettings } from "@/lib/config/storage";
import { listObjects } from "@/lib/storage/s3-store";

// The storage tests run against a real S3 server: the settings come from the environment
// (`eval "$(bash scripts/ensure-s3.sh)"`, which .ci/run does). Without them the files are skipped,
// unless STORAGE_TESTS_REQUIRE_S3=1 (CI), when a missing server is a failure, not a skip.

export const s3Available = Boolean(env.storage.s3);
if (!s3Available && process.env.STORAGE_TESTS_REQUIRE_S3 === "1")
  throw new Error('STORAGE_TESTS_REQUIRE_S3=1 but no S3 settings: run eval "$(bash scripts/ensure-s3.sh)" first');

/**
 * For one test file: media go to the bucket, under a key prefix of their own (runs and files never
 * see each other's objects); the local settings come back afterwards.
 */
export function useBucket(delivery: StorageSettings["delivery"] = "redirect") {
  let saved: StorageSettings;
  beforeAll(() => {
    saved = env.storage;
    env.storage = {
      ...saved,
      backend: "s3",
      delivery,
      s3: { ...saved.s3!, keyPrefix: `it-${randomUUID()}/` },
    };
  });
  afterAll(() => {
    env.storage = saved;
  });
}

export const bucket = () => env.storage.s3!;

/** Relative keys (as the studio records them) under a prefix, sorted. */
export async function keysUnder(prefix: string): Promise<string[]> {
  const keys: string[] = [];
  for await (const item of listObjects(bucket(), prefix)) keys.push(item.relative);
  return keys.sort();
}

export const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

export async function bytesOf(body: ReadableStream | null): Promise<Uint8Array> {
  return body ? new Uint8Array(await new Response(body).arrayBuffer()) : new Uint8Array();
}
