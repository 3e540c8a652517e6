import "server-only";
import { createHash } from "node:crypto";
import { makeZip } from "client-zip";
import { openStoredMedia } from "@/lib/storage/media-store";
import { readCards, type CardRow } from "@/lib/videos/card-rows";
import { downloadFileName } from "@/lib/videos/download-file-name";
import { authorizeVideo, type VideoActor } from "@/lib/videos/video-access";
import { cleanIds } from "./ids";
import { manifestCsv, manifestJson, type ManifestEntry } from "./manifest";
import { readZipProgress, type ZipProgress } from "./zip-progress";

// "Download as zip" (decision 070): the selected videos of the viewer's team that have a stored
// copy, streamed into one zip while it is built. Nothing is written anywhere: each file is read
// from storage (lib/storage, whatever backs it) a chunk at a time, hashed (SHA-256) and counted on
// its way into the zip, and the manifests, which need those hashes, come last. Entries are stored,
// not deflated (client-zip never compresses; MP4s would not shrink). When the download is dropped
// the stream is cancelled: the open file is closed and nothing is left behind.

export type ZipExport = {
  fileName: string;
  body: ReadableStream<Uint8Array>;
  files: number;
};

/** `name.mp4`, `name-2.mp4`, … : one name per entry. */
export function uniqueNames(names: string[]): string[] {
  const used = new Set<string>();
  return names.map((name) => {
    const dot = name.lastIndexOf(".");
    const [stem, ext] = dot > 0 ? [name.slice(0, dot), name.slice(dot)] : [name, ""];
    let candidate = name;
    for (let n = 2; used.has(candidate.toLowerCase()); n++) candidate = `${stem}-${n}${ext}`;
    used.add(candidate.toLowerCase());
    return candidate;
  });
}

function zipFileName(count: number, now: Date): string {
  return `sora-studio-${now.toISOString().slice(0, 10)}-${count}-video${count === 1 ? "" : "s"}.zip`;
}

/**
 * The zip of these videos (this team's, archived; the others are left out), or null when none of
 * them has a stored copy. `onProgress` hears every chunk sent and the end (done, cancelled, failed).
 */
export async function exportVideosZip(
  actor: VideoActor,
  taskIds: readonly string[],
  options: { onProgress?: (progress: ZipProgress) => void; now?: Date } = {},
): Promise<ZipExport | null> {
  const viewer = await authorizeVideo(actor, "videos.read");
  const ids = cleanIds(taskIds);
  const rows = ids.length ? await readCards({ teamId: viewer.teamId, ids, archived: true }) : [];
  if (rows.length === 0) return null;
  const known = rows.map((r) => r.videoBytes);
  const now = options.now ?? new Date();
  const names = uniqueNames(rows.map((row) => downloadFileName(row, "video")));
  const progress: ZipProgress = {
    state: "streaming",
    files: rows.length,
    filesDone: 0,
    totalBytes: known.every((n) => typeof n === "number") ? known.reduce<number>((a, n) => a + (n ?? 0), 0) : null,
    bytesSent: 0,
  };
  const report = (patch: Partial<ZipProgress>) => {
    Object.assign(progress, patch);
    options.onProgress?.({ ...progress });
  };

  const entries: ManifestEntry[] = [];
  const missing: string[] = [];
  let current: ReadableStreamDefaultReader<Uint8Array> | null = null;

  /** One stored file, hashed and counted as client-zip pulls it. */
  async function* hashed(row: CardRow, name: string, reader: ReadableStreamDefaultReader<Uint8Array>) {
    const hash = createHash("sha256");
    let bytes = 0;
    let finished = false;
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        hash.update(value);
        bytes += value.byteLength;
        yield value;
      }
      finished = true;
      entries.push(manifestEntry(row, name, bytes, hash.digest("hex")));
      report({ filesDone: progress.filesDone + 1 });
    } finally {
      if (!finished) await reader.cancel().catch(() => undefined);
      current = null;
    }
  }

  async function* files() {
    for (const [index, row] of rows.entries()) {
      const media = await openStoredMedia(row, "video", null);
      if (!media?.body) {
        // Archived, but the file is gone (deleted meanwhile): listed in manifest.json, not zipped.
        missing.push(row.id);
        continue;
      }
      current = media.body.getReader();
      yield {
        name: names[index]!,
        lastModified: row.completedAt ?? row.createdAt,
        input: hashed(row, names[index]!, current),
      };
    }
    yield { name: "manifest.csv", lastModified: now, input: manifestCsv(entries) };
    yield {
      name: "manifest.json",
      lastModified: now,
      input: manifestJson(entries, {
        teamId: viewer.teamId,
        exportedAt: now.toISOString(),
        exportedBy: viewer.userId,
        ...(missing.length ? { missing } : {}),
      }),
    };
  }

  const iterator = files();
  const zip = makeZip(iterator, { buffersAreUTF8: true }).getReader();
  let closed = false;
  const body = new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        try {
          const { done, value } = await zip.read();
          if (done) {
            closed = true;
            report({ state: "done" });
            controller.close();
            return;
          }
          report({ bytesSent: progress.bytesSent + value.byteLength });
          controller.enqueue(value);
        } catch (error) {
          closed = true;
          report({ state: "failed" });
          await release(error);
          controller.error(error);
        }
      },
      async cancel(reason) {
        if (closed) return;
        closed = true;
        report({ state: "cancelled" });
        await release(reason);
      },
    },
    { highWaterMark: 0 },
  );

  /** The download was dropped or broke: close the open file, stop the zip and the entries. */
  async function release(reason: unknown) {
    await (current as ReadableStreamDefaultReader<Uint8Array> | null)?.cancel(reason).catch(() => undefined);
    await zip.cancel(reason).catch(() => undefined);
    await iterator.return(undefined).catch(() => undefined);
  }

  return { fileName: zipFileName(rows.length, now), body, files: rows.length };
}

function manifestEntry(row: CardRow, file: string, bytes: number, sha256: string): ManifestEntry {
  return {
    file,
    taskId: row.id,
    prompt: row.prompt,
    model: row.model,
    connection: row.connection?.name ?? null,
    size: row.size,
    seconds: row.seconds,
    costCents: row.charge?.amountCents ?? null,
    creator: row.createdBy.name ?? row.createdBy.email,
    creatorEmail: row.createdBy.email,
    createdAt: row.createdAt.toISOString(),
    completedAt: row.completedAt?.toISOString() ?? null,
    bytes,
    sha256,
  };
}

/** How far the viewer's own zip download (by its token) has got, or "unknown". */
export async function zipExportProgress(actor: VideoActor, token: string): Promise<ZipProgress | { state: "unknown" }> {
  const viewer = await authorizeVideo(actor, "videos.read");
  return readZipProgress(viewer.userId, token) ?? { state: "unknown" };
}
