import { createHash } from "node:crypto";
import { execFileSync } from "node:child_process";
import { readFileSync, readdirSync, readlinkSync, writeFileSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import {
  addToCollection,
  CollectionNameTakenError,
  createCollection,
  deleteCollection,
  listCollections,
  removeFromCollection,
  renameCollection,
  videoLibraryState,
} from "@/lib/library/collections";
import { deleteVideos } from "@/lib/library/delete-many";
import { favouriteIds, setFavourites } from "@/lib/library/favourites";
import { selectMatching } from "@/lib/library/selection";
import { exportVideosZip } from "@/lib/library/zip-export";
import type { ZipProgress } from "@/lib/library/zip-progress";
import { absoluteMediaPath, storageRoot } from "@/lib/storage/media-store";
import { TeamAccessError } from "@/lib/teams/authorize";
import { createVideoJob } from "@/lib/videos/create-video-job";
import { listVideos } from "@/lib/videos/list-videos";
import { readAll, readZip } from "../../support/read-zip";
import { addMember, driveUntil, key, newTeam } from "../../support/video-harness";

// Issue 15, items 1 and 2: favourites, collections, "select all matching", delete many and the
// streamed zip, on real rows and real archived files (the simulator over HTTP, the archive step).

type Team = Awaited<ReturnType<typeof newTeam>>;
let home: Team;
let member: { id: string };
let archived: { id: string; videoPath: string }[];

async function archivedVideo(teamId: string, userId: string, prompt: string) {
  const { task } = await createVideoJob({
    teamId,
    userId,
    idempotencyKey: key(),
    model: "sora-2",
    size: "720x1280",
    seconds: 4,
    prompt,
  });
  const row = await driveUntil(task.id, (r) => r.archiveStatus === "done");
  return { id: row.id, videoPath: row.videoPath! };
}

/** Rows written directly (the queries are under test, not the provider). */
async function plainRows(teamId: string, userId: string, n: number, prompt = "row") {
  const base = Date.now() - 1_000_000;
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    const row = await db.videoTask.create({
      data: {
        teamId,
        createdById: userId,
        idempotencyKey: key(),
        channel: "simulator",
        model: "sora-2",
        size: "720x1280",
        seconds: 4,
        prompt: `${prompt} ${i}`,
        status: "completed",
        estimateCents: 40,
        createdAt: new Date(base + i * 1000),
      },
      select: { id: true },
    });
    ids.push(row.id);
  }
  return ids;
}

beforeAll(async () => {
  home = await newTeam("Library");
  member = await addMember(home.team.id, "MEMBER");
  // Two with the same settings and prompt: their names in the zip must differ.
  archived = [
    await archivedVideo(home.team.id, home.owner.id, "A lighthouse at dusk"),
    await archivedVideo(home.team.id, member.id, "A lighthouse at dusk"),
    await archivedVideo(home.team.id, home.owner.id, '熊猫在竹林里吃竹子, with "quotes", and commas'),
  ];
}, 120_000);

const owner = () => ({ teamId: home.team.id, userId: home.owner.id });
const asMember = () => ({ teamId: home.team.id, userId: member.id });

describe("favourites", () => {
  it("are each person's own, filter the gallery, and ignore another team's and deleted videos", async () => {
    const { team } = await newTeam();
    const [a, b, c] = await plainRows(
      team.id,
      (await db.membership.findFirstOrThrow({ where: { teamId: team.id } })).userId,
      3,
    );
    const me = {
      teamId: team.id,
      userId: (await db.membership.findFirstOrThrow({ where: { teamId: team.id } })).userId,
    };
    const colleague = await addMember(team.id, "MEMBER");
    const them = { teamId: team.id, userId: colleague.id };
    expect(await setFavourites(me, [a!, c!], true)).toBe(2);
    expect(await setFavourites(me, [a!], true)).toBe(0); // idempotent
    expect(await setFavourites(them, [b!], true)).toBe(1);
    expect((await listVideos(me, { favourites: true })).items.map((v) => v.id)).toEqual([c, a]);
    expect((await listVideos(them, { favourites: true })).items.map((v) => v.id)).toEqual([b]);
    expect(new Set(await favouriteIds(me))).toEqual(new Set([a, c]));
    expect(await setFavourites(me, [archived[0]!.id], true)).toBe(0); // another team's video
    expect(await setFavourites(me, [c!], false)).toBe(1);
    expect((await listVideos(me, { favourites: true })).items.map((v) => v.id)).toEqual([a]);
    expect(await videoLibraryState(me, a!)).toEqual({ favourite: true, collectionIds: [] });
    expect(await videoLibraryState(them, a!)).toEqual({ favourite: false, collectionIds: [] });
  });
});

describe("collections", () => {
  it("are shared in the team, hold a video in several, filter the gallery; creator or admins rename and delete", async () => {
    const { team, owner: boss } = await newTeam();
    const me = { teamId: team.id, userId: boss.id };
    const colleague = await addMember(team.id, "MEMBER");
    const them = { teamId: team.id, userId: colleague.id };
    const [a, b, c] = await plainRows(team.id, boss.id, 3);
    const picks = await createCollection(them, "  Picks  ", [a!, b!]);
    expect(picks).toMatchObject({ name: "Picks", count: 2, createdById: colleague.id, canManage: true });
    const ads = await createCollection(me, "Ads", [b!]);
    await expect(createCollection(me, "Picks")).rejects.toBeInstanceOf(CollectionNameTakenError);
    expect(await addToCollection(me, picks.id, [b!, c!])).toBe(1); // b was in it already
    expect((await listVideos(me, { collection: picks.id })).items.map((v) => v.id)).toEqual([c, b, a]);
    expect((await listVideos(me, { collection: ads.id })).items.map((v) => v.id)).toEqual([b]);
    expect((await videoLibraryState(them, b!)).collectionIds.sort()).toEqual([ads.id, picks.id].sort());
    // The owner's collection: the member sees it (shared) but may not rename or delete it.
    const listed = await listCollections(them);
    expect(listed.map((x) => [x.name, x.count, x.canManage])).toEqual([
      ["Ads", 1, false],
      ["Picks", 3, true],
    ]);
    await expect(renameCollection(them, ads.id, "Mine")).rejects.toEqual(new TeamAccessError("forbidden"));
    await expect(deleteCollection(them, ads.id)).rejects.toEqual(new TeamAccessError("forbidden"));
    await renameCollection(them, picks.id, "Best takes");
    await expect(renameCollection(me, picks.id, "Ads")).rejects.toBeInstanceOf(CollectionNameTakenError);
    expect(await removeFromCollection(them, picks.id, [a!])).toBe(1);
    await deleteVideos(me, [c!]);
    expect((await listCollections(me)).find((x) => x.id === picks.id)).toMatchObject({ name: "Best takes", count: 1 });
    await deleteCollection(me, picks.id); // the owner deletes anyone's
    expect(await db.videoTask.count({ where: { id: { in: [a!, b!] }, deletedAt: null } })).toBe(2);
    expect((await listCollections(me)).map((x) => x.name)).toEqual(["Ads"]);
  });
});

describe("selection and delete many", () => {
  it("selects every match on the server, beyond the loaded page, newest first", async () => {
    const { team, owner: boss } = await newTeam();
    const me = { teamId: team.id, userId: boss.id };
    const ids = await plainRows(team.id, boss.id, 30, "take");
    await plainRows(team.id, boss.id, 5, "other");
    expect((await listVideos(me, { q: "take" })).items).toHaveLength(24); // one page
    const all = await selectMatching(me, { q: "take" });
    expect(all).toEqual({ ids: [...ids].reverse(), truncated: false });
    const collection = await createCollection(me, "Five", ids.slice(0, 5));
    await setFavourites(me, ids.slice(3, 8), true);
    expect((await selectMatching(me, { collection: collection.id, favourites: true })).ids).toEqual(
      ids.slice(3, 5).reverse(),
    );
  });

  it("deletes many with the one-video rule: a member's own go, others' are refused, strangers' missing", async () => {
    const { team, owner: boss } = await newTeam();
    const colleague = await addMember(team.id, "MEMBER");
    const [theirs] = await plainRows(team.id, colleague.id, 1);
    const [bosses] = await plainRows(team.id, boss.id, 1);
    const [foreign] = await plainRows(home.team.id, home.owner.id, 1);
    const result = await deleteVideos({ teamId: team.id, userId: colleague.id }, [theirs!, bosses!, foreign!]);
    expect(result).toEqual({ deleted: [theirs], refused: [bosses], missing: [foreign] });
    expect(await db.videoTask.count({ where: { id: bosses!, deletedAt: null } })).toBe(1);
    expect(await db.videoTask.count({ where: { id: foreign!, deletedAt: null } })).toBe(1);
    expect(await db.auditEntry.count({ where: { teamId: team.id, action: "video.deleted", targetId: theirs! } })).toBe(
      1,
    );
    expect(await deleteVideos({ teamId: team.id, userId: boss.id }, [bosses!])).toEqual({
      deleted: [bosses],
      refused: [],
      missing: [],
    });
  });
});

describe("zip export", () => {
  it("streams the archived videos byte for byte under unique readable names, with both manifests", async () => {
    const [failed] = await plainRows(home.team.id, home.owner.id, 1, "never archived");
    const seen: ZipProgress[] = [];
    const exported = await exportVideosZip(owner(), [...archived.map((v) => v.id), failed!], {
      onProgress: (p) => seen.push(p),
    });
    expect(exported?.files).toBe(3);
    expect(exported!.fileName).toMatch(/^sora-studio-\d{4}-\d{2}-\d{2}-3-videos\.zip$/);
    const zip = await readAll(exported!.body);
    const entries = readZip(zip);
    const names = entries.map((e) => e.name);
    expect(names.slice(-2)).toEqual(["manifest.csv", "manifest.json"]);
    expect(new Set(names).size).toBe(names.length);
    expect(names).toContain("sora-2-720x1280-4s-a-lighthouse-at-dusk.mp4");
    expect(names).toContain("sora-2-720x1280-4s-a-lighthouse-at-dusk-2.mp4");
    expect(entries.every((e) => e.method === 0)).toBe(true); // stored, never deflated

    const manifest = JSON.parse(entries.at(-1)!.data.toString("utf8")) as {
      teamId: string;
      videos: {
        file: string;
        taskId: string;
        sha256: string;
        bytes: number;
        prompt: string;
        costCents: number;
        creator: string;
      }[];
    };
    expect(manifest.teamId).toBe(home.team.id);
    expect(manifest.videos.map((v) => v.taskId).sort()).toEqual(archived.map((v) => v.id).sort());
    for (const video of manifest.videos) {
      const original = readFileSync(absoluteMediaPath(archived.find((v) => v.id === video.taskId)!.videoPath));
      const entry = entries.find((e) => e.name === video.file)!;
      expect(entry.data.equals(original)).toBe(true);
      expect(video.bytes).toBe(original.length);
      expect(video.sha256).toBe(createHash("sha256").update(original).digest("hex"));
      expect(video.costCents).toBe(40);
    }
    expect(manifest.videos.find((v) => v.prompt.startsWith("熊猫"))?.creator).toBe("Owner");
    const csv = entries.at(-2)!.data.toString("utf8");
    expect(csv.startsWith("\uFEFFfile,taskId,prompt,")).toBe(true);
    expect(csv).toContain('"熊猫在竹林里吃竹子, with ""quotes"", and commas"');
    expect(csv.trim().split("\r\n")).toHaveLength(4);
    expect(csv).toContain(",0.40\r\n");

    // Progress as it streamed, and an independent reader agrees the zip is whole.
    expect(seen.at(-1)).toEqual({
      state: "done",
      files: 3,
      filesDone: 3,
      totalBytes: expect.any(Number),
      bytesSent: zip.length,
    });
    const dir = mkdtempSync(path.join(tmpdir(), "zip-test-"));
    try {
      writeFileSync(path.join(dir, "out.zip"), zip);
      expect(execFileSync("unzip", ["-t", path.join(dir, "out.zip")]).toString()).toContain("No errors detected");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("leaves nothing open when the download is dropped half way", async () => {
    const root = path.resolve(storageRoot());
    const openMedia = () =>
      readdirSync("/proc/self/fd").filter((fd) => {
        try {
          return readlinkSync(`/proc/self/fd/${fd}`).startsWith(root + path.sep);
        } catch {
          return false;
        }
      }).length;
    const before = openMedia();
    const seen: ZipProgress[] = [];
    const exported = await exportVideosZip(owner(), [archived[0]!.id, archived[1]!.id], {
      onProgress: (p) => seen.push(p),
    });
    const reader = exported!.body.getReader();
    let opened = 0;
    for (let i = 0; i < 20 && opened === 0; i++) {
      await reader.read();
      opened = openMedia() - before;
    }
    expect(opened).toBe(1); // a stored file is being streamed
    await reader.cancel(new Error("client went away"));
    expect(openMedia()).toBe(before);
    expect(seen.at(-1)?.state).toBe("cancelled");
    expect(seen.at(-1)!.filesDone).toBeLessThan(2);
  });

  it("refuses other teams' videos and answers null when nothing is stored", async () => {
    const { team, owner: stranger } = await newTeam();
    const them = { teamId: team.id, userId: stranger.id };
    expect(
      await exportVideosZip(
        them,
        archived.map((v) => v.id),
      ),
    ).toBeNull();
    await expect(exportVideosZip({ teamId: home.team.id, userId: stranger.id }, [archived[0]!.id])).rejects.toEqual(
      new TeamAccessError("not_found"),
    );
    expect(await exportVideosZip(asMember(), [])).toBeNull();
  });
});
