import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

// Inventory: every server action of the app must be exercised, here or in the browser matrix
// (tests/e2e/team-access-matrix.spec.ts). A new action fails this test until it is listed.
const COVERED: Record<string, string> = {
  "preferences.ts:setLocaleAction": "public: cookie only, account only when signed in",
  "preferences.ts:setThemeAction": "public: cookie only",
  "sign-in.ts:signInAction": "public",
  "sign-up.ts:signUpAction": "public",
  "sign-out.ts:signOutAction": "public",
  "teams.ts:createTeamAction": "requireUser; creates the caller's own team",
  "teams.ts:switchTeamAction": "findMembership → 404 (e2e teams.spec.ts)",
  "team-members.ts:changeRoleAction": "changeMemberRole",
  "team-members.ts:removeMemberAction": "removeMember",
  "team-members.ts:leaveTeamAction": "leaveTeam",
  "team-members.ts:transferOwnershipAction": "transferOwnership",
  "team-invites.ts:createInviteAction": "createInvite",
  "team-invites.ts:revokeInviteAction": "revokeInvite",
  "team-invites.ts:acceptInviteAction": "acceptInvite (invites.test.ts)",
  "team-provider.ts:saveProviderAction": "saveProviderSettings",
  "team-provider.ts:testProviderAction": "testProviderConnection",
  "team-budget.ts:setTeamBudgetAction": "setTeamBudget",
  "team-budget.ts:setMemberCapAction": "setMemberCap",
  "team-retention.ts:setRetentionAction": "setTeamRetention",
  "videos.ts:submitVideoAction": "requireTeam: e2e matrix",
  "videos.ts:fitReferenceImageAction": "requireTeam: e2e matrix",
  "videos.ts:deleteVideoAction": "requireTeam + engine role rule: e2e matrix",
  "videos.ts:remixVideoAction": "requireTeam: e2e matrix",
};

describe("server action inventory", () => {
  const dir = path.resolve("lib/actions");
  const actions = readdirSync(dir)
    .filter((f) => f.endsWith(".ts"))
    .flatMap((file) => {
      const source = readFileSync(path.join(dir, file), "utf8");
      if (!/^["']use server["'];?/m.test(source)) return [];
      return [...source.matchAll(/export async function (\w+)\s*\(([\s\S]*?)\n}/g)].map((m) => ({ id: `${file}:${m[1]}`, body: m[2]! }));
    });

  it("every exported server action is in the matrix", () => {
    expect(actions.map((a) => a.id).filter((id) => !COVERED[id])).toEqual([]);
  });

  it("every non-public action resolves the caller from the session before acting", () => {
    const missing = actions.filter((a) => !COVERED[a.id]?.startsWith("public") && !/(requireUser|currentUser|requireTeam|requireUserFor)\(/.test(a.body));
    expect(missing.map((a) => a.id)).toEqual([]);
  });

  // A member whose role is too low gets the same translated "not allowed for your role" from
  // every team action (teamActionError), not a 404 from requireTeam's notFound().
  it("every team action answers refusals of the data layer with teamActionError, never requireTeam", () => {
    const team = actions.filter((a) => a.id.startsWith("team-"));
    expect(team.map((a) => a.id)).toContain("team-retention.ts:setRetentionAction");
    expect(team.filter((a) => !a.body.includes("teamActionError(") || a.body.includes("requireTeam(")).map((a) => a.id)).toEqual([]);
  });
});
