// `npm run storage:copy-to-s3 [-- --verify-only]`: copies the local media folder (STORAGE_DIR,
// default $STUDIO_DATA_DIR/media) into the S3 bucket the S3_* settings name, verifies every
// object's sha256 by downloading it again, checks that every file the database records is there,
// and only then says to switch (STORAGE_BACKEND=s3). Safe to run again: objects already there
// with the right hash are not sent twice. Exit 0 when all is verified, 1 otherwise.
// docs/deploy.md, decision 100.
import { env } from "../lib/env";
import { createDb } from "../lib/db/client";
import { copyLocalLibraryToS3 } from "../lib/storage/copy-to-s3";

const verifyOnly = process.argv.includes("--verify-only");
const bucket = env.storage.s3;
if (!bucket) {
  console.error("Set the S3 settings first (S3_BUCKET, S3_ENDPOINT, S3_ACCESS_KEY_ID, …): see docs/deploy.md.");
  process.exit(2);
}

const where = `${bucket.endpoint ?? `AWS S3 (${bucket.region})`}, bucket ${bucket.bucket}${bucket.keyPrefix ? `, prefix ${bucket.keyPrefix}` : ""}`;
console.log(`${verifyOnly ? "Verifying" : "Copying"} ${env.storageDir} → ${where}`);

const db = createDb(env.databaseUrl);
const rows = await db.videoTask.findMany({
  where: { deletedAt: null },
  select: {
    videoPath: true,
    thumbnailPath: true,
    spritesheetPath: true,
    referenceImagePath: true,
    lastFrameImagePath: true,
  },
});
await db.$disconnect();
const recorded = rows.flatMap((row) => Object.values(row).filter((value): value is string => Boolean(value)));

const started = Date.now();
const summary = await copyLocalLibraryToS3({
  root: env.storageDir,
  bucket,
  recorded: recorded.map((relative) => relative.split(/[\\/]/).join("/")),
  verifyOnly,
  log: (line) => console.log(line),
});

const mb = (summary.bytes / 1024 / 1024).toFixed(1);
console.log(`
files in the local folder: ${summary.files} (${mb} MiB)
  copied now:             ${summary.copied}
  already in the bucket:  ${summary.alreadyThere}
  repaired (sent again):  ${summary.repaired}
  verified by sha256:     ${summary.verified} of ${summary.files}
  mismatched:             ${summary.mismatched.length}
files the database records: ${recorded.length}, in neither place: ${summary.missingRecorded.length}
took ${Math.round((Date.now() - started) / 1000)} s`);
for (const relative of summary.missingRecorded.slice(0, 20)) console.log(`  recorded but missing: ${relative}`);

if (summary.mismatched.length > 0) {
  console.log(`\nNOT safe to switch: ${summary.mismatched.length} object(s) do not match their local file.`);
  process.exit(1);
}
if (summary.missingRecorded.length > 0)
  console.log(
    `\nNote: ${summary.missingRecorded.length} recorded file(s) were missing from the local folder already; the switch does not change that.`,
  );
console.log(
  `\nAll ${summary.verified} objects verified. Safe to switch: set STORAGE_BACKEND=s3 (with these S3_* settings) and restart every instance.` +
    "\nFiles archived after this run started are not in the bucket: run it once more with archiving stopped, just before the switch.",
);
