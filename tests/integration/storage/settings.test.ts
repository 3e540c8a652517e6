import { describe, expect, it } from "vitest";
import { parseEnv } from "@/lib/env";

// The storage settings as lib/env.ts reads them (no server needed: this file always runs).

const base = { STUDIO_DATA_DIR: "/srv/studio" };

describe("storage settings", () => {
  it("default to the local folder, with no bucket", () => {
    const { storage } = parseEnv(base);
    expect(storage).toMatchObject({ backend: "local", dir: "/srv/studio/media", s3: undefined, delivery: "redirect" });
    expect(storage.presignSeconds).toBe(600);
  });

  it("a non-AWS endpoint gets path style and WHEN_REQUIRED checksums (the aws-chunked trap); AWS keeps the SDK's", () => {
    const swift = parseEnv({
      ...base,
      STORAGE_BACKEND: "s3",
      S3_ENDPOINT: "http://10.0.0.5:8080",
      S3_BUCKET: "media",
      S3_ACCESS_KEY_ID: "a:b",
      S3_SECRET_ACCESS_KEY: "secret",
      S3_KEY_PREFIX: "studio",
    }).storage;
    expect(swift.s3).toEqual({
      endpoint: "http://10.0.0.5:8080",
      publicEndpoint: "http://10.0.0.5:8080",
      region: "us-east-1",
      bucket: "media",
      credentials: { accessKeyId: "a:b", secretAccessKey: "secret" },
      forcePathStyle: true,
      checksums: "WHEN_REQUIRED",
      keyPrefix: "studio/",
    });
    const aws = parseEnv({ ...base, STORAGE_BACKEND: "s3", S3_BUCKET: "media", S3_REGION: "eu-west-1" }).storage.s3;
    expect(aws).toMatchObject({
      endpoint: undefined,
      forcePathStyle: false,
      checksums: "WHEN_SUPPORTED",
      credentials: undefined,
    });
    const chosen = parseEnv({
      ...base,
      S3_BUCKET: "media",
      S3_ENDPOINT: "https://x.r2.cloudflarestorage.com",
      S3_PUBLIC_ENDPOINT: "https://media.example.com",
      S3_CHECKSUMS: "when_supported",
      S3_FORCE_PATH_STYLE: "false",
      S3_MEDIA_DELIVERY: "stream",
    }).storage;
    expect(chosen).toMatchObject({ backend: "local", delivery: "stream" });
    expect(chosen.s3).toMatchObject({
      publicEndpoint: "https://media.example.com",
      checksums: "WHEN_SUPPORTED",
      forcePathStyle: false,
    });
  });

  it("refuses contradictions with a sentence", () => {
    expect(() => parseEnv({ ...base, STORAGE_BACKEND: "s3" })).toThrow(/STORAGE_BACKEND=s3 needs S3_BUCKET/);
    expect(() =>
      parseEnv({ ...base, STORAGE_BACKEND: "s3", S3_BUCKET: "m", MEDIA_ACCEL_REDIRECT_PREFIX: "/protected-media/" }),
    ).toThrow(/MEDIA_ACCEL_REDIRECT_PREFIX serves a local folder/);
    expect(() => parseEnv({ ...base, S3_BUCKET: "m", S3_ACCESS_KEY_ID: "only-one" })).toThrow(/go together/);
    expect(() => parseEnv({ ...base, STORAGE_BACKEND: "gcs" })).toThrow(/STORAGE_BACKEND/);
    expect(() => parseEnv({ ...base, S3_MEDIA_DELIVERY: "proxy" })).toThrow(/S3_MEDIA_DELIVERY/);
    expect(() => parseEnv({ ...base, S3_PRESIGN_SECONDS: "1" })).toThrow(/S3_PRESIGN_SECONDS/);
  });
});
