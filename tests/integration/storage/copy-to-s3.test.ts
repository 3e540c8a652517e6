import { spawnSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import { mkdir, mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { copyLocalLibraryToS3, bucketSha256 } from "@/lib/storage/copy-to-s3";
import { putObject } from "@/lib/storage/s3-store";
import { bucket, keysUnder, s3Available, sha256, useBucket } from "./s3-support";

// `npm run storage:copy-to-s3`: a local library copied into a real S3 server, every object's
// sha256 verified by downloading it again; a second run sends nothing; a corrupted object (same
// size, same claimed hash) is found by its bytes and sent again; verify-only refuses the switch.

async function library() {
  const root = await mkdtemp(path.join(tmpdir(), "studio-library-"));
  const files = new Map<string, Uint8Array>();
  for (const [team, task] of [
    ["team-a", "task-1"],
    ["team-a", "task-2"],
    ["team-b", "task-3"],
  ]) {
    const folder = path.join("teams", team!, task!);
    await mkdir(path.join(root, folder), { recursive: true });
    for (const [name, size] of [
      ["video.mp4", 200_000 + Math.floor(Math.random() * 1000)],
      ["thumbnail.webp", 3000],
    ] as const) {
      const bytes = Uint8Array.from({ length: size }, () => Math.floor(Math.random() * 256));
      await writeFile(path.join(root, folder, name), bytes);
      files.set(`${folder}/${name}`, bytes);
    }
  }
  // A write left half-done by a crash: never copied.
  await writeFile(path.join(root, "teams/team-a/task-1/video.mp4.123.456.part"), "partial");
  return { root, files };
}

describe.skipIf(!s3Available)("copying a local library into S3", () => {
  useBucket();

  it("copies every file, verifies each sha256, skips what is there, and finds and repairs a corrupted object", async () => {
    const { root, files } = await library();
    const first = await copyLocalLibraryToS3({ root, bucket: bucket(), recorded: [...files.keys()] });
    expect(first).toMatchObject({
      files: 6,
      copied: 6,
      alreadyThere: 0,
      verified: 6,
      mismatched: [],
      missingRecorded: [],
    });
    expect(await keysUnder("teams")).toEqual([...files.keys()].sort());
    for (const [relative, bytes] of files) expect(await bucketSha256(bucket(), relative)).toBe(sha256(bytes));

    const again = await copyLocalLibraryToS3({ root, bucket: bucket() });
    expect(again).toMatchObject({ files: 6, copied: 0, alreadyThere: 6, verified: 6, mismatched: [] });

    // Same length and the same claimed hash, other bytes: only downloading and hashing finds it.
    const victim = "teams/team-a/task-2/video.mp4";
    const wrong = Uint8Array.from(files.get(victim)!);
    wrong[1234] = wrong[1234]! ^ 0xff;
    await putObject(bucket(), victim, [wrong], () => undefined, { sha256: sha256(files.get(victim)!) });

    const check = await copyLocalLibraryToS3({ root, bucket: bucket(), verifyOnly: true });
    expect(check).toMatchObject({ copied: 0, verified: 5, mismatched: [victim] });
    expect(await bucketSha256(bucket(), victim)).toBe(sha256(wrong));

    const lines: string[] = [];
    const repair = await copyLocalLibraryToS3({ root, bucket: bucket(), log: (line) => lines.push(line) });
    expect(repair).toMatchObject({ alreadyThere: 6, repaired: 1, verified: 6, mismatched: [] });
    expect(lines.join("\n")).toContain(`${victim}: the bucket's copy does not match`);
    expect(await bucketSha256(bucket(), victim)).toBe(sha256(files.get(victim)!));

    const missing = `teams/team-c/task-9/video.mp4`;
    expect((await copyLocalLibraryToS3({ root, bucket: bucket(), recorded: [missing] })).missingRecorded).toEqual([
      missing,
    ]);
  });

  it("npm run storage:copy-to-s3 repairs what does not match, prints the summary and says to switch", async () => {
    const { root, files } = await library();
    const cli = { ...bucket(), keyPrefix: `${bucket().keyPrefix}cli-${randomUUID()}/` };
    await copyLocalLibraryToS3({ root, bucket: cli });
    const victim = "teams/team-b/task-3/thumbnail.webp";
    await putObject(cli, victim, [new Uint8Array(3000)], () => undefined, { sha256: sha256(files.get(victim)!) });

    const run = spawnSync("npx", ["tsx", "scripts/storage-copy-to-s3.ts"], {
      encoding: "utf8",
      env: {
        ...process.env,
        STORAGE_DIR: root,
        STORAGE_BACKEND: "local",
        S3_BUCKET: cli.bucket,
        S3_ENDPOINT: cli.endpoint,
        S3_KEY_PREFIX: cli.keyPrefix,
      },
      timeout: 120_000,
    });
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    expect(run.stdout).toContain(`${victim}: the bucket's copy does not match`);
    expect(run.stdout).toMatch(/copied now: +0\n/);
    expect(run.stdout).toMatch(/already in the bucket: +6\n/);
    expect(run.stdout).toMatch(/repaired \(sent again\): +1\n/);
    expect(run.stdout).toMatch(/verified by sha256: +6 of 6\n/);
    expect(run.stdout).toContain("Safe to switch: set STORAGE_BACKEND=s3");
    expect(await bucketSha256(cli, victim)).toBe(sha256(files.get(victim)!));
  });
});
