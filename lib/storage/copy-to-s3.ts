import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { readdir, stat } from "node:fs/promises";
import path from "node:path";
import type { S3Settings } from "@/lib/config/storage";
import { headObject, putObject, readObject } from "./s3-store";

// `npm run storage:copy-to-s3` (scripts/storage-copy-to-s3.ts): copies the local media folder into
// the bucket before the switch to STORAGE_BACKEND=s3, and proves it: every object is downloaded
// again and its sha256 compared with the local file's. Idempotent: an object already there with
// the same size and sha256 (recorded in its metadata when we uploaded it) is not sent again, but
// still verified. A verified object that does not match is sent again once and verified again.

export type CopySummary = {
  files: number;
  bytes: number;
  copied: number;
  alreadyThere: number;
  repaired: number;
  verified: number;
  /** Keys whose bytes in the bucket do not match the local file (after one repair, or in verify-only). */
  mismatched: string[];
  /** Paths the database records that are neither in the local folder nor in the bucket. */
  missingRecorded: string[];
};

const SHA_META = "sha256";

async function* filesUnder(root: string, dir = "teams"): AsyncGenerator<string> {
  const entries = await readdir(path.join(root, dir), { withFileTypes: true }).catch(() => []);
  for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    const relative = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* filesUnder(root, relative);
    // `.part`: a write in progress (or left by a crash), never recorded.
    else if (entry.isFile() && !entry.name.endsWith(".part")) yield relative;
  }
}

async function sha256Of(chunks: AsyncIterable<Uint8Array>): Promise<string> {
  const hash = createHash("sha256");
  for await (const chunk of chunks) hash.update(chunk);
  return hash.digest("hex");
}

/** The object's sha256 from its bytes, downloaded again; null when it is not there. */
export async function bucketSha256(bucket: S3Settings, relative: string): Promise<string | null> {
  const object = await readObject(bucket, relative);
  return object ? sha256Of(object.body as unknown as AsyncIterable<Uint8Array>) : null;
}

export async function copyLocalLibraryToS3(options: {
  root: string;
  bucket: S3Settings;
  /** Paths the database records (video, thumbnail, sprite sheet, reference images). */
  recorded?: string[];
  /** Only compare: send nothing. */
  verifyOnly?: boolean;
  concurrency?: number;
  log?: (line: string) => void;
}): Promise<CopySummary> {
  const { root, bucket, verifyOnly = false, log = () => undefined } = options;
  const summary: CopySummary = {
    files: 0,
    bytes: 0,
    copied: 0,
    alreadyThere: 0,
    repaired: 0,
    verified: 0,
    mismatched: [],
    missingRecorded: [],
  };
  const local = new Set<string>();
  const upload = (relative: string, sha: string) =>
    putObject(bucket, relative, createReadStream(path.join(root, relative)), () => undefined, { [SHA_META]: sha });

  async function one(relative: string) {
    const size = (await stat(path.join(root, relative))).size;
    const sha = await sha256Of(createReadStream(path.join(root, relative)));
    summary.files++;
    summary.bytes += size;
    const there = await headObject(bucket, relative);
    if (there && there.size === size && there.metadata[SHA_META] === sha) summary.alreadyThere++;
    else if (!verifyOnly) {
      await upload(relative, sha);
      summary.copied++;
    }
    let stored = await bucketSha256(bucket, relative);
    if (stored !== sha && !verifyOnly) {
      log(`  ${relative}: the bucket's copy does not match (sha256 ${stored ?? "none"}); sending it again`);
      await upload(relative, sha);
      stored = await bucketSha256(bucket, relative);
      if (stored === sha) summary.repaired++;
    }
    if (stored === sha) summary.verified++;
    else {
      summary.mismatched.push(relative);
      log(`  ${relative}: MISMATCH local sha256 ${sha}, bucket ${stored ?? "missing"}`);
    }
  }

  const queue = filesUnder(root);
  const worker = async () => {
    for (;;) {
      const next = await queue.next();
      if (next.done) return;
      const relative = next.value.split(path.sep).join("/");
      local.add(relative);
      await one(relative);
      if (summary.files % 100 === 0) log(`  ${summary.files} files…`);
    }
  };
  await Promise.all(Array.from({ length: options.concurrency ?? 4 }, worker));

  for (const relative of options.recorded ?? [])
    if (!local.has(relative) && !(await headObject(bucket, relative))) summary.missingRecorded.push(relative);
  return summary;
}
