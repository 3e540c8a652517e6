import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { PERMISSIONS, type Permission } from "@/lib/teams/permissions";

// Inventory: every server action of the app, how it is guarded, and where it is exercised (the
// data-layer matrix in access-matrix.test.ts, the browser tests, tests/unit/forms for the
// wrapper itself). A new action fails this test until it is listed here. Every action is defined
// with the wrapper (lib/forms/define-action.ts): publicAction (no session), userAction (session),
// teamAction (session + membership + permission through authorize()).

type Guard = { kind: "public" } | { kind: "user" } | { kind: "team"; permission: Permission };
type Entry = Guard & { covered: string };

const pub = (covered: string): Entry => ({ kind: "public", covered });
const usr = (covered: string): Entry => ({ kind: "user", covered });
const team = (permission: Permission, covered: string): Entry => ({ kind: "team", permission, covered });

const COVERED: Record<string, Entry> = {
  "preferences.ts:setLocaleAction": pub("cookie only, account only when signed in (language-and-screens.spec.ts)"),
  "preferences.ts:setThemeAction": pub("cookie only"),
  "sign-in.ts:signInAction": pub("accounts.spec.ts"),
  "sign-up.ts:signUpAction": pub("accounts.spec.ts"),
  "sign-out.ts:signOutAction": pub("accounts.spec.ts"),
  "teams.ts:createTeamAction": usr("creates the caller's own team (teams.spec.ts)"),
  "teams.ts:switchTeamAction": usr("the caller's active team; authorize → 404 (teams.spec.ts)"),
  "team-members.ts:changeRoleAction": team("members.manage", "changeMemberRole"),
  "team-members.ts:removeMemberAction": team("members.manage", "removeMember"),
  "team-members.ts:leaveTeamAction": team("videos.read", "leaveTeam"),
  "team-members.ts:transferOwnershipAction": team("team.transfer", "transferOwnership"),
  "team-invites.ts:createInviteAction": team("members.manage", "createInvite"),
  "team-invites.ts:revokeInviteAction": team("members.manage", "revokeInvite"),
  "team-invites.ts:acceptInviteAction": usr("acceptInvite: not a member yet (invites.test.ts, team-invites.spec.ts)"),
  "team-provider.ts:addConnectionAction": team("provider.manage", "addConnection"),
  "team-provider.ts:updateConnectionAction": team("provider.manage", "updateConnection"),
  "team-provider.ts:archiveConnectionAction": team("provider.manage", "archiveConnection"),
  "team-provider.ts:setModelPriceAction": team("provider.manage", "setModelPrice"),
  "team-provider.ts:testConnectionAction": team("provider.manage", "testConnection"),
  "catalogue.ts:refreshCatalogueAction": team(
    "provider.manage",
    "refreshCatalogueNow (openrouter.test.ts, openrouter.spec.ts)",
  ),
  "catalogue.ts:setModelHiddenAction": team("provider.manage", "setModelHidden (openrouter.test.ts)"),
  "team-budget.ts:setTeamBudgetAction": team("budget.manage", "setTeamBudget"),
  "team-budget.ts:setMemberCapAction": team(
    "budget.manage",
    "setMemberCap (owner's cap: members.manage.owner in the data layer)",
  ),
  "api-tokens.ts:createApiTokenAction": team("api.manage", "createApiToken (api-tokens.spec.ts)"),
  "api-tokens.ts:revokeApiTokenAction": team("api.manage", "revokeApiToken (api-tokens.spec.ts)"),
  "notifications.ts:createWebhookEndpointAction": team(
    "notifications.manage",
    "createWebhookEndpoint (notifications.spec.ts)",
  ),
  "notifications.ts:deleteWebhookEndpointAction": team("notifications.manage", "deleteWebhookEndpoint"),
  "notifications.ts:enableWebhookEndpointAction": team("notifications.manage", "enableWebhookEndpoint"),
  "notifications.ts:sendTestNotificationAction": team(
    "notifications.manage",
    "sendTestNotification (notifications.spec.ts, webhook-delivery.test.ts)",
  ),
  "team-retention.ts:setRetentionAction": team("videos.delete.any", "setTeamRetention"),
  "videos.ts:submitVideoAction": team("videos.create", "createVideoJob (videos-generate.spec.ts)"),
  "videos.ts:fitReferenceImageAction": team("videos.create", "uploads.spec.ts, videos-reference.spec.ts"),
  "videos.ts:deleteVideoAction": team("videos.delete.own", "deleteVideo checks own vs any (videos-detail.spec.ts)"),
  "videos.ts:remixVideoAction": team("videos.create", "remixVideo (videos-detail.spec.ts)"),
  "library.ts:setFavouritesAction": team("videos.read", "setFavourites (gallery-library.spec.ts)"),
  "library.ts:createCollectionAction": team("collections.edit", "createCollection (gallery-library.spec.ts)"),
  "library.ts:renameCollectionAction": team("collections.edit", "renameCollection checks creator or manage.any"),
  "library.ts:deleteCollectionAction": team("collections.edit", "deleteCollection checks creator or manage.any"),
  "library.ts:collectionItemsAction": team("collections.edit", "addToCollection / removeFromCollection"),
  "library.ts:deleteVideosAction": team("videos.delete.own", "deleteVideos checks own vs any per video"),
  "lineage.ts:retryVideoAction": team("videos.create", "retryVideo (retry.test.ts, lineage-and-variations.spec.ts)"),
  "stuck-jobs.ts:checkNowAction": team("videos.read", "checkNow (stuck-jobs.test.ts, stuck-jobs.spec.ts)"),
  "stuck-jobs.ts:giveUpJobAction": team("videos.stuck.manage", "giveUpJob (stuck-jobs.test.ts)"),
};

const WRAPPED = /^export const (\w+) = (?:withoutAnswer\(\s*)?(publicAction|userAction|teamAction)\(\{/;

describe("server action inventory", () => {
  const dir = path.resolve("lib/actions");
  const files = readdirSync(dir)
    .filter((f) => f.endsWith(".ts"))
    .map((file) => ({ file, source: readFileSync(path.join(dir, file), "utf8") }))
    .filter(({ source }) => /^["']use server["'];?/m.test(source));
  // Each top-level export, up to the next one: its name, the wrapper it uses, its definition.
  const exports = files.flatMap(({ file, source }) =>
    source
      .split(/^(?=export )/m)
      .slice(1)
      .map((text) => {
        const m = WRAPPED.exec(text);
        const name =
          m?.[1] ??
          /^export (?:default |async )*(?:function|const|let|var|class)?\s*(\w+)/.exec(text)?.[1] ??
          "default";
        return { id: `${file}:${name}`, kind: m?.[2]?.replace("Action", "") as Guard["kind"] | undefined, text };
      }),
  );

  it("finds the action files", () => {
    expect(files.map((f) => f.file)).toEqual(expect.arrayContaining(["videos.ts", "team-members.ts", "sign-in.ts"]));
  });

  it("every export of a server action file is an action defined through the wrapper", () => {
    expect(exports.filter((e) => !e.kind && !/^export type /.test(e.text)).map((e) => e.id)).toEqual([]);
  });

  it("every exported server action is in the inventory, and every listed one exists", () => {
    const ids = exports.filter((e) => e.kind).map((e) => e.id);
    expect(ids.filter((id) => !COVERED[id])).toEqual([]);
    expect(Object.keys(COVERED).filter((id) => !ids.includes(id))).toEqual([]);
  });

  it("every action resolves the caller as listed: only the listed public ones skip the session", () => {
    const wrong = exports
      .filter((e) => e.kind && COVERED[e.id] && COVERED[e.id]!.kind !== e.kind)
      .map((e) => `${e.id}: ${e.kind}, listed ${COVERED[e.id]!.kind}`);
    expect(wrong).toEqual([]);
  });

  it("every team action declares the listed permission, a real one", () => {
    const declared = exports
      .filter((e) => e.kind === "team")
      .map((e) => [e.id, /^\s+permission: "([\w.]+)",$/m.exec(e.text)?.[1]] as const);
    expect(declared.length).toBeGreaterThan(10);
    for (const [id, permission] of declared) {
      const entry = COVERED[id];
      expect(PERMISSIONS, id).toContain(permission);
      expect(entry?.kind === "team" ? entry.permission : undefined, id).toBe(permission);
    }
  });

  // The wrapper reads the form (zod), the session and the membership; an action that did any of
  // it by hand could skip a step. A member whose role is too low gets the wrapper's translated
  // "not allowed for your role", never a 404 from requireTeam's notFound().
  it("no action reads FormData, the session or the membership by hand", () => {
    const byHand = /formData|FormData|Object\.fromEntries|requireUser\(|requireTeam\(|findMembership\(|currentUser\(/g;
    // The language switcher works signed out (publicAction) and also saves on the account when there is one.
    const allowed: Record<string, string[]> = { "preferences.ts:setLocaleAction": ["currentUser("] };
    const offenders = exports.flatMap((e) =>
      [...e.text.matchAll(byHand)]
        .map((m) => m[0])
        .filter((hit) => !allowed[e.id]?.includes(hit))
        .map((hit) => `${e.id}: ${hit}`),
    );
    expect(offenders).toEqual([]);
  });

  it("the wrapper is bound to the real session, database and translator", () => {
    const bound = readFileSync(path.resolve("lib/forms/define-action.ts"), "utf8");
    expect(bound).toMatch(
      /actionKit\(\{\s*db,\s*session: currentUser,\s*translator: \(\) => getTranslations\(\),?\s*\}\)/,
    );
    const kit = readFileSync(path.resolve("lib/forms/action-kit.ts"), "utf8");
    expect(kit).toContain("await authorize(deps.db, user.id,");
    expect(kit).toContain("unstable_rethrow(error)");
  });
});
