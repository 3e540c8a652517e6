import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { listAudit } from "@/lib/teams/audit-log";
import { spendReport } from "@/lib/spend/spend-report";
import { monthOf } from "@/lib/money/month";
import { authorize, TeamAccessError } from "@/lib/teams/authorize";
import { createTeamWithOwner } from "@/lib/teams/create-team";
import { createInvite, listInvites, revokeInvite } from "@/lib/teams/invites";
import { createApiToken, listApiTokens, revokeApiToken } from "@/lib/teams/api-tokens";
import {
  createWebhookEndpoint,
  deleteWebhookEndpoint,
  enableWebhookEndpoint,
  listWebhookEndpoints,
  sendTestNotification,
} from "@/lib/notifications/endpoints";
import { changeMemberRole, leaveTeam, removeMember, transferOwnership } from "@/lib/teams/member-admin";
import { listMembers } from "@/lib/teams/members-list";
import type { Permission } from "@/lib/teams/permissions";
import {
  addConnection,
  archiveConnection,
  listConnections,
  setModelPrice,
  testConnection,
  updateConnection,
} from "@/lib/teams/connections";
import { setMemberCap, setTeamBudget } from "@/lib/teams/team-budget-settings";
import { setTeamRetention } from "@/lib/teams/team-retention-settings";
import { encryptProviderKey } from "@/lib/upstream/provider-key-crypto";
import { deleteVideo } from "@/lib/videos/delete-video";
import { getVideoDetail, listVideos, videosByIds } from "@/lib/videos/list-videos";
import { remixVideo } from "@/lib/videos/remix-video";
import { openVideoMedia } from "@/lib/videos/video-media";
import { videoStatuses } from "@/lib/videos/video-status";
import { insertCharge } from "./support/team-fixtures";
import { finishedTask, VIDEO_OPERATIONS, videoSnapshot } from "./support/video-operations";
import { collectionOf, LIBRARY_OPERATIONS, librarySnapshot } from "./support/library-operations";
import { addToCollection } from "@/lib/library/collections";
import { setFavourites } from "@/lib/library/favourites";
import { selectMatching } from "@/lib/library/selection";
import { exportVideosZip } from "@/lib/library/zip-export";

// The access matrix: every team operation of the data layer (which every server action and
// route handler goes through) against anonymous, non-member, member, admin and owner. Allowed
// roles succeed or meet a business rule; lower roles get "forbidden"; anonymous callers and
// non-members get "not_found", exactly like an id that does not exist, so nothing leaks.

type Actor = "anonymous" | "stranger" | "MEMBER" | "ADMIN" | "OWNER";
const ACTORS: Actor[] = ["anonymous", "stranger", "MEMBER", "ADMIN", "OWNER"];

async function user(name: string) {
  return db.user.create({ data: { name, email: `${name}-${randomUUID()}@example.test` } });
}

/** A fresh team per cell: owner, admin, member, a target member to act on, a stranger with their own team. */
async function world() {
  const [owner, admin, member, target, stranger] = await Promise.all(
    ["owner", "admin", "member", "target", "stranger"].map(user),
  );
  const team = await createTeamWithOwner(db, owner!.id, "Matrix");
  const otherTeam = await createTeamWithOwner(db, stranger!.id, "Elsewhere");
  await db.membership.createMany({
    data: [
      { teamId: team.id, userId: admin!.id, role: "ADMIN" },
      { teamId: team.id, userId: member!.id, role: "MEMBER" },
      { teamId: team.id, userId: target!.id, role: "MEMBER" },
    ],
  });
  const invite = await db.invite.create({
    data: {
      teamId: team.id,
      role: "MEMBER",
      tokenHash: randomUUID(),
      createdById: owner!.id,
      expiresAt: new Date(Date.now() + 86_400_000),
    },
  });
  const otherInvite = await db.invite.create({
    data: {
      teamId: otherTeam.id,
      role: "MEMBER",
      tokenHash: randomUUID(),
      createdById: stranger!.id,
      expiresAt: new Date(Date.now() + 86_400_000),
    },
  });
  const apiToken = await db.apiToken.create({
    data: { teamId: team.id, createdById: owner!.id, name: "matrix", tokenHash: randomUUID(), last4: "abcd" },
  });
  // A test sent to it is refused at once (nothing listens on port 9).
  const webhook = await db.webhookEndpoint.create({
    data: {
      teamId: team.id,
      name: "matrix",
      format: "standard",
      urlCiphertext: encryptProviderKey("http://127.0.0.1:9/hook", env.providerKeySecret()),
      urlDisplay: "http://127.0.0.1:9/…hook",
      events: '["video.failed"]',
      locale: "en",
      createdById: owner!.id,
    },
  });
  await insertCharge(team.id, member!.id, 40, new Date());
  const ids: Record<Actor, string> = {
    anonymous: "",
    stranger: stranger!.id,
    MEMBER: member!.id,
    ADMIN: admin!.id,
    OWNER: owner!.id,
  };
  return {
    teamId: team.id,
    otherTeamId: otherTeam.id,
    ids,
    target: target!.id,
    strangerId: stranger!.id,
    inviteId: invite.id,
    otherInviteId: otherInvite.id,
    apiTokenId: apiToken.id,
    webhookId: webhook.id,
  };
}

type World = Awaited<ReturnType<typeof world>>;
type Operation = {
  name: string;
  permission: Permission;
  run: (w: World, actorId: string, teamId: string) => Promise<unknown>;
};

const secret = () => env.providerKeySecret();
const firstConnection = async (teamId: string) =>
  (await db.providerConnection.findFirst({ where: { teamId }, orderBy: { createdAt: "asc" } }))?.id ?? "none";
const OPERATIONS: Operation[] = [
  { name: "listMembers", permission: "videos.read", run: (w, a, t) => listMembers(db, a, t) },
  { name: "leaveTeam", permission: "videos.read", run: (w, a, t) => leaveTeam(db, a, t) },
  { name: "spendReport", permission: "spend.read", run: (w, a, t) => spendReport(db, a, t, monthOf(new Date())) },
  { name: "listAudit", permission: "audit.read", run: (w, a, t) => listAudit(db, a, t, 1) },
  { name: "listInvites", permission: "members.manage", run: (w, a, t) => listInvites(db, a, t) },
  {
    name: "createInvite",
    permission: "members.manage",
    run: (w, a, t) => createInvite(db, a, t, { role: "MEMBER", days: 1 }),
  },
  { name: "revokeInvite", permission: "members.manage", run: (w, a, t) => revokeInvite(db, a, t, w.inviteId) },
  {
    name: "changeMemberRole",
    permission: "members.manage",
    run: (w, a, t) => changeMemberRole(db, a, t, w.target, "ADMIN"),
  },
  { name: "removeMember", permission: "members.manage", run: (w, a, t) => removeMember(db, a, t, w.target) },
  { name: "transferOwnership", permission: "team.transfer", run: (w, a, t) => transferOwnership(db, a, t, w.target) },
  { name: "setTeamBudget", permission: "budget.manage", run: (w, a, t) => setTeamBudget(db, a, t, 5000) },
  { name: "setMemberCap", permission: "budget.manage", run: (w, a, t) => setMemberCap(db, a, t, w.target, 500) },
  { name: "setTeamRetention", permission: "videos.delete.any", run: (w, a, t) => setTeamRetention(db, a, t, "7") },
  { name: "listConnections", permission: "provider.manage", run: (w, a, t) => listConnections(db, a, t) },
  {
    name: "addConnection",
    permission: "provider.manage",
    run: (w, a, t) =>
      addConnection(db, a, t, { name: "m", preset: "openai", baseUrl: null, apiKey: "sk-matrix-key-0001" }, secret()),
  },
  {
    name: "updateConnection",
    permission: "provider.manage",
    run: async (w, a, t) =>
      updateConnection(db, a, t, await firstConnection(t), { name: "m", baseUrl: null, apiKey: "sk-k-0002" }, secret()),
  },
  {
    name: "setModelPrice",
    permission: "provider.manage",
    run: async (w, a, t) =>
      setModelPrice(db, a, t, await firstConnection(t), "sora-2", { unit: "per_request", cents: 7 }),
  },
  {
    name: "testConnection",
    permission: "provider.manage",
    run: async (w, a, t) => testConnection(db, a, t, await firstConnection(t), 1000),
  },
  {
    name: "archiveConnection",
    permission: "provider.manage",
    run: async (w, a, t) => archiveConnection(db, a, t, await firstConnection(t)),
  },
  { name: "listApiTokens", permission: "api.manage", run: (w, a, t) => listApiTokens(db, a, t) },
  {
    name: "createApiToken",
    permission: "api.manage",
    run: (w, a, t) => createApiToken(db, a, t, { name: "m", monthlyCapCents: null, expiresInDays: null }),
  },
  { name: "revokeApiToken", permission: "api.manage", run: (w, a, t) => revokeApiToken(db, a, t, w.apiTokenId) },
  {
    name: "listWebhookEndpoints",
    permission: "notifications.manage",
    run: (w, a, t) => listWebhookEndpoints(db, a, t),
  },
  {
    name: "createWebhookEndpoint",
    permission: "notifications.manage",
    run: (w, a, t) =>
      createWebhookEndpoint(db, a, t, {
        name: "m",
        url: "https://hooks.example.test/m",
        format: "slack",
        secret: null,
        events: ["video.failed"],
        locale: "en",
      }),
  },
  {
    name: "enableWebhookEndpoint",
    permission: "notifications.manage",
    run: (w, a, t) => enableWebhookEndpoint(db, a, t, w.webhookId),
  },
  {
    name: "deleteWebhookEndpoint",
    permission: "notifications.manage",
    run: (w, a, t) => deleteWebhookEndpoint(db, a, t, w.webhookId),
  },
  {
    name: "sendTestNotification",
    permission: "notifications.manage",
    run: (w, a, t) => sendTestNotification(db, a, t, w.webhookId),
  },
];

const ALLOWED: Record<Permission, Actor[]> = {
  "videos.create": ["MEMBER", "ADMIN", "OWNER"],
  "videos.read": ["MEMBER", "ADMIN", "OWNER"],
  "videos.delete.own": ["MEMBER", "ADMIN", "OWNER"],
  "videos.delete.any": ["ADMIN", "OWNER"],
  "members.manage": ["ADMIN", "OWNER"],
  "members.manage.owner": ["OWNER"],
  "provider.manage": ["ADMIN", "OWNER"],
  "budget.manage": ["ADMIN", "OWNER"],
  "audit.read": ["ADMIN", "OWNER"],
  "spend.read": ["MEMBER", "ADMIN", "OWNER"],
  "spend.read.members": ["ADMIN", "OWNER"],
  "team.transfer": ["OWNER"],
  "team.delete": ["OWNER"],
  "api.manage": ["ADMIN", "OWNER"],
  "notifications.manage": ["ADMIN", "OWNER"],
  "videos.stuck.manage": ["ADMIN", "OWNER"],
  "collections.edit": ["MEMBER", "ADMIN", "OWNER"],
  "collections.manage.any": ["ADMIN", "OWNER"],
};

async function outcome(promise: Promise<unknown>): Promise<"ok" | "not_found" | "forbidden" | "rule"> {
  try {
    await promise;
    return "ok";
  } catch (error) {
    if (error instanceof TeamAccessError) return error.reason;
    if (error && typeof error === "object" && "code" in error) return "rule";
    throw error;
  }
}

async function snapshot(teamId: string) {
  const [team, members, invites, apiTokens, webhooks] = await Promise.all([
    db.team.findUniqueOrThrow({
      where: { id: teamId },
      select: {
        monthlyBudgetCents: true,
        retentionDays: true,
        connections: {
          select: { name: true, keyCiphertext: true, archivedAt: true, prices: true },
          orderBy: { id: "asc" },
        },
      },
    }),
    db.membership.findMany({
      where: { teamId },
      select: { userId: true, role: true, monthlyCapCents: true },
      orderBy: { userId: "asc" },
    }),
    db.invite.findMany({ where: { teamId }, select: { id: true, revokedAt: true }, orderBy: { id: "asc" } }),
    db.apiToken.findMany({ where: { teamId }, select: { id: true, revokedAt: true }, orderBy: { id: "asc" } }),
    db.webhookEndpoint.findMany({
      where: { teamId },
      select: { id: true, disabledAt: true, _count: { select: { deliveries: true } } },
      orderBy: { id: "asc" },
    }),
  ]);
  return JSON.stringify({ team, members, invites, apiTokens, webhooks });
}

describe("access matrix of the team data layer", () => {
  for (const op of OPERATIONS) {
    describe(op.name, () => {
      for (const actor of ACTORS) {
        const allowed = ALLOWED[op.permission].includes(actor);
        const expected = allowed
          ? "allowed"
          : actor === "anonymous" || actor === "stranger"
            ? "not_found"
            : "forbidden";
        it(`${actor} → ${expected}`, async () => {
          const w = await world();
          const before = await snapshot(w.teamId);
          const result = await outcome(op.run(w, w.ids[actor], w.teamId));
          if (allowed) expect(["ok", "rule"]).toContain(result);
          else {
            expect(result).toBe(expected);
            // A refusal changes nothing.
            expect(await snapshot(w.teamId)).toBe(before);
          }
        });
      }
      it("a member of this team using a guessed id of another team → not_found, nothing changed there", async () => {
        const w = await world();
        const before = await snapshot(w.otherTeamId);
        expect(await outcome(op.run(w, w.ids.OWNER, w.otherTeamId))).toBe("not_found");
        expect(await snapshot(w.otherTeamId)).toBe(before);
      });
    });
  }

  it("ids of another team's rows act on nothing here (invite, member)", async () => {
    const w = await world();
    expect(await outcome(revokeInvite(db, w.ids.OWNER, w.teamId, w.otherInviteId))).toBe("rule");
    expect(await outcome(removeMember(db, w.ids.OWNER, w.teamId, w.strangerId))).toBe("rule");
    expect(await outcome(setMemberCap(db, w.ids.OWNER, w.teamId, w.strangerId, 1))).toBe("rule");
    expect((await db.invite.findUniqueOrThrow({ where: { id: w.otherInviteId } })).revokedAt).toBeNull();
    expect(await db.membership.count({ where: { teamId: w.otherTeamId } })).toBe(1);
  });

  it("malformed team ids are not found, not errors", async () => {
    const w = await world();
    for (const bad of ["", "x".repeat(65), "' OR 1=1 --"]) {
      await expect(authorize(db, w.ids.OWNER, bad, "videos.read")).rejects.toEqual(new TeamAccessError("not_found"));
    }
  });
});

// Every video operation (lib/videos, which the server actions, pages and route handlers call):
// allowed roles get "ok" (not a rule, not an error), "own" and "someone else's" are real rows.
describe("access matrix of the video data layer", () => {
  async function videoWorld() {
    const w = await world();
    const others = await finishedTask(w.teamId, w.target);
    const own: Partial<Record<Actor, string>> = {};
    for (const actor of ["MEMBER", "ADMIN", "OWNER"] as const) own[actor] = await finishedTask(w.teamId, w.ids[actor]);
    const strangersTask = await finishedTask(w.otherTeamId, w.strangerId);
    return { ...w, others, own, strangersTask };
  }

  for (const op of VIDEO_OPERATIONS) {
    describe(op.name, () => {
      for (const actor of ACTORS) {
        const allowed = ALLOWED[op.permission].includes(actor);
        const expected = allowed ? "ok" : actor === "anonymous" || actor === "stranger" ? "not_found" : "forbidden";
        it(`${actor} → ${expected}`, async () => {
          const w = await videoWorld();
          const tasks = { own: w.own[actor] ?? w.own.MEMBER!, others: w.others };
          const before = await videoSnapshot(w.teamId);
          expect(await outcome(op.run(w.ids[actor], w.teamId, tasks))).toBe(expected);
          if (!allowed) expect(await videoSnapshot(w.teamId)).toBe(before);
        });
      }
      it("a member of this team using a guessed id of another team → not_found, nothing changed there", async () => {
        const w = await videoWorld();
        const before = await videoSnapshot(w.otherTeamId);
        expect(
          await outcome(op.run(w.ids.OWNER, w.otherTeamId, { own: w.strangersTask, others: w.strangersTask })),
        ).toBe("not_found");
        expect(await videoSnapshot(w.otherTeamId)).toBe(before);
      });
    });
  }

  it("task ids of another team, asked through this team, are absent: nothing read, nothing changed", async () => {
    const w = await videoWorld();
    const me = { teamId: w.teamId, userId: w.ids.OWNER };
    const before = await videoSnapshot(w.otherTeamId);
    expect(await getVideoDetail(me, w.strangersTask)).toBeNull();
    expect(await videosByIds(me, [w.strangersTask])).toEqual([]);
    expect((await videoStatuses(me, [w.strangersTask])).items).toEqual([]);
    expect(await openVideoMedia(me, w.strangersTask, "video", { range: null, download: false })).toEqual({
      found: false,
      reason: "no_task",
    });
    expect(
      await remixVideo(me, { taskId: w.strangersTask, prompt: "Mine now", idempotencyKey: randomUUID() }),
    ).toBeNull();
    expect(await deleteVideo(me, w.strangersTask)).toBe(false);
    expect(await videoSnapshot(w.otherTeamId)).toBe(before);
  });

  it("a role passed by the caller is not trusted: a member claiming OWNER still cannot delete another's video", async () => {
    const w = await videoWorld();
    await expect(deleteVideo({ teamId: w.teamId, userId: w.ids.MEMBER, role: "OWNER" }, w.others)).rejects.toEqual(
      new TeamAccessError("forbidden"),
    );
    await expect(listVideos({ teamId: w.teamId, userId: w.strangerId, role: "OWNER" })).rejects.toEqual(
      new TeamAccessError("not_found"),
    );
  });
});

// The gallery library (lib/library: favourites, collections, selection, zip, delete many): the
// same cells, and nothing crosses teams: no team sees or adds another team's videos to its
// collections, or reads another team's collection through a filter.
describe("access matrix of the gallery library", () => {
  async function libraryWorld() {
    const w = await world();
    const others = await finishedTask(w.teamId, w.target);
    const own: Partial<Record<Actor, string>> = {};
    const ownCollection: Partial<Record<Actor, string>> = {};
    for (const actor of ["MEMBER", "ADMIN", "OWNER"] as const) {
      own[actor] = await finishedTask(w.teamId, w.ids[actor]);
      ownCollection[actor] = await collectionOf(w.teamId, w.ids[actor]);
    }
    const othersCollection = await collectionOf(w.teamId, w.target, [others]);
    const strangersTask = await finishedTask(w.otherTeamId, w.strangerId);
    const strangersCollection = await collectionOf(w.otherTeamId, w.strangerId, [strangersTask]);
    return { ...w, others, own, ownCollection, othersCollection, strangersTask, strangersCollection };
  }

  for (const op of LIBRARY_OPERATIONS) {
    describe(op.name, () => {
      for (const actor of ACTORS) {
        const allowed = ALLOWED[op.permission].includes(actor);
        const expected = allowed ? "ok" : actor === "anonymous" || actor === "stranger" ? "not_found" : "forbidden";
        it(`${actor} → ${expected}`, async () => {
          const w = await libraryWorld();
          const rows = {
            own: w.own[actor] ?? w.own.MEMBER!,
            others: w.others,
            ownCollection: w.ownCollection[actor] ?? w.ownCollection.MEMBER!,
            othersCollection: w.othersCollection,
          };
          const before = await librarySnapshot(w.teamId);
          expect(await outcome(op.run(w.ids[actor], w.teamId, rows))).toBe(expected);
          if (!allowed) expect(await librarySnapshot(w.teamId)).toBe(before);
        });
      }
      it("a member of this team using a guessed id of another team → not_found, nothing changed there", async () => {
        const w = await libraryWorld();
        const before = await librarySnapshot(w.otherTeamId);
        const theirs = {
          own: w.strangersTask,
          others: w.strangersTask,
          ownCollection: w.strangersCollection,
          othersCollection: w.strangersCollection,
        };
        expect(await outcome(op.run(w.ids.OWNER, w.otherTeamId, theirs))).toBe("not_found");
        expect(await librarySnapshot(w.otherTeamId)).toBe(before);
      });
    });
  }

  it("another team's videos and collections, named through this team, are absent: nothing read, nothing added", async () => {
    const w = await libraryWorld();
    const me = { teamId: w.teamId, userId: w.ids.OWNER };
    const before = await librarySnapshot(w.otherTeamId);
    const mine = w.ownCollection.OWNER!;
    expect(await addToCollection(me, mine, [w.strangersTask])).toBe(0);
    expect(await outcome(addToCollection(me, w.strangersCollection, [w.own.OWNER!]))).toBe("not_found");
    expect(await setFavourites(me, [w.strangersTask], true)).toBe(0);
    expect((await listVideos(me, { collection: w.strangersCollection })).items).toEqual([]);
    expect((await selectMatching(me, { collection: w.strangersCollection })).ids).toEqual([]);
    expect(await exportVideosZip(me, [w.strangersTask])).toBeNull();
    expect(await db.collectionItem.count({ where: { collectionId: mine } })).toBe(0);
    expect(await librarySnapshot(w.otherTeamId)).toBe(before);
  });
});
