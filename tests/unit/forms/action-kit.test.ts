import { describe, expect, it, vi } from "vitest";
import { createTranslator } from "next-intl";
import { notFound, redirect } from "next/navigation";
import { z } from "zod";
import type { CurrentUser } from "@/lib/auth/current-user";
import { actionKit } from "@/lib/forms/action-kit";
import type { ActionResult } from "@/lib/forms/action-result";
import { catalogues } from "@/lib/i18n/catalogues";
import type { Locale } from "@/lib/i18n/locales";
import { TeamAccessError, TeamRuleError } from "@/lib/teams/authorize";
import type { Reader } from "@/lib/teams/db-types";
import type { Role } from "@/lib/teams/roles";

// The wrapper with the real authorize() and the real catalogues; only the database (a table of
// memberships) and the session (who is signed in) are this test's own.

const TEAM = { id: "team-1", name: "Night Shift" };
const user = (id: string): CurrentUser => ({
  id,
  name: id,
  email: `${id}@example.test`,
  locale: null,
  activeTeamId: null,
});

function kit({ signedIn = "owner" as string | null, locale = "en" as Locale } = {}) {
  const roles: Record<string, Role> = { owner: "OWNER", admin: "ADMIN", member: "MEMBER" };
  // authorize() reads the user and the membership in one statement (teamId, userId as its values).
  const db = {
    $queryRaw: async ({ values }: { values: string[] }) => {
      const [teamId, userId] = values;
      const role = teamId === TEAM.id ? roles[userId!] : undefined;
      return [{ userId, role: role ?? null, teamName: role ? TEAM.name : null }];
    },
  } as unknown as Reader;
  return actionKit({
    db,
    session: async () => (signedIn ? user(signedIn) : null),
    translator: async () => createTranslator({ locale, messages: catalogues[locale] }),
  });
}

function form(fields: Record<string, string | File>): FormData {
  const data = new FormData();
  for (const [k, v] of Object.entries(fields)) data.set(k, v);
  return data;
}

async function thrown(promise: Promise<unknown>): Promise<{ digest?: string }> {
  try {
    await promise;
  } catch (error) {
    return error as { digest?: string };
  }
  throw new Error("expected the action to throw");
}

const budgetSchema = z.object({
  teamId: z.string().min(1).max(64),
  budget: z.string().max(5, "teamErrors.amountFormat"),
});

describe("teamAction", () => {
  it("runs with the caller's team and role once authorize() allows it", async () => {
    const run = vi.fn(async ({ input, team, role, user }) => ({
      ok: true,
      data: { saved: input.budget, team: team.id, role, by: user.id },
    }));
    const action = kit({ signedIn: "admin" }).teamAction({ schema: budgetSchema, permission: "budget.manage", run });
    const result = await action(form({ teamId: TEAM.id, budget: "12" }));
    expect(result).toEqual({ ok: true, data: { saved: "12", team: TEAM.id, role: "ADMIN", by: "admin" } });
  });

  it("a member whose role lacks the permission gets the translated forbidden answer, and nothing runs", async () => {
    for (const [locale, text] of [
      ["en", "Your role in this team does not allow this. Ask the owner or an admin."],
      ["zh-CN", "你在此团队中的角色不允许此操作。请联系所有者或管理员。"],
    ] as const) {
      const run = vi.fn();
      const action = kit({ signedIn: "member", locale }).teamAction({
        schema: budgetSchema,
        permission: "budget.manage",
        run,
      });
      expect(await action({ ok: false }, form({ teamId: TEAM.id, budget: "12" }))).toEqual({
        ok: false,
        formError: text,
      });
      expect(run).not.toHaveBeenCalled();
    }
  });

  it("a stranger, an unknown team and a malformed team id all get the same not-found answer", async () => {
    const notFoundText = "Not found, or you do not have access to it.";
    const run = vi.fn();
    const asStranger = kit({ signedIn: "stranger" }).teamAction({
      schema: budgetSchema,
      permission: "videos.read",
      run,
    });
    const asOwner = kit().teamAction({ schema: budgetSchema, permission: "videos.read", run });
    expect((await asStranger(form({ teamId: TEAM.id, budget: "1" }))).formError).toBe(notFoundText);
    expect((await asOwner(form({ teamId: "team-2", budget: "1" }))).formError).toBe(notFoundText);
    expect(await asOwner(form({ teamId: "x".repeat(65), budget: "1" }))).toEqual({
      ok: false,
      formError: notFoundText,
    });
    expect(run).not.toHaveBeenCalled();
  });

  it("signed out: redirected to sign-in before anything runs", async () => {
    const run = vi.fn();
    const action = kit({ signedIn: null }).teamAction({ schema: budgetSchema, permission: "videos.read", run });
    expect((await thrown(action(form({ teamId: TEAM.id, budget: "1" })))).digest).toMatch(
      /^NEXT_REDIRECT;\w+;\/sign-in;/,
    );
    expect(run).not.toHaveBeenCalled();
  });

  it("refusals and rules of the data layer inside run are translated; other errors are logged and answered", async () => {
    const k = kit();
    const rule = k.teamAction({
      schema: budgetSchema,
      permission: "videos.read",
      keep: ["budget"],
      run: async () => Promise.reject(new TeamRuleError("ownerCannotLeave")),
    });
    expect(await rule(form({ teamId: TEAM.id, budget: "7" }))).toEqual({
      ok: false,
      formError: "The owner cannot leave. Transfer ownership to another member first.",
      values: { budget: "7" },
    });
    const late = k.teamAction({
      schema: budgetSchema,
      permission: "videos.read",
      run: async () => Promise.reject(new TeamAccessError("forbidden")),
    });
    expect((await late(form({ teamId: TEAM.id, budget: "7" }))).formError).toMatch(/does not allow this/);
    const log = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const bug = k.teamAction({
      schema: budgetSchema,
      permission: "videos.read",
      unexpected: "videoDetail.delete.failed",
      run: async () => Promise.reject(new Error("boom")),
    });
    expect((await bug(form({ teamId: TEAM.id, budget: "7" }))).formError).toBe(catalogues.en.videoDetail.delete.failed);
    expect(log).toHaveBeenCalled();
    log.mockRestore();
  });

  it("redirect() and notFound() inside run are Next's control flow: rethrown, not answered", async () => {
    const k = kit();
    const moving = k.teamAction({
      schema: budgetSchema,
      permission: "videos.read",
      run: async () => redirect("/t/team-1/gallery"),
    });
    expect((await thrown(moving(form({ teamId: TEAM.id, budget: "1" })))).digest).toMatch(
      /^NEXT_REDIRECT;\w+;\/t\/team-1\/gallery;/,
    );
    const missing = k.teamAction({ schema: budgetSchema, permission: "videos.read", run: async () => notFound() });
    expect((await thrown(missing(form({ teamId: TEAM.id, budget: "1" })))).digest).toBe("NEXT_HTTP_ERROR_FALLBACK;404");
  });
});

describe("schema and result shape", () => {
  const signUp = z.object({
    name: z.string().min(1, "errors.nameRequired"),
    email: z.email("errors.emailInvalid"),
    password: z.string().min(8, "errors.passwordTooShort"),
  });

  it("every failing field is translated, kept fields come back, passwords never do", async () => {
    const run = vi.fn();
    const action = kit({ signedIn: null, locale: "zh-CN" }).publicAction({
      schema: signUp,
      keep: ["name", "email"],
      run,
    });
    const result = await action(form({ name: "", email: "nope", password: "short", $ACTION_ID_abc: "" }));
    expect(result).toEqual({
      ok: false,
      fieldErrors: {
        name: "请输入姓名。",
        email: "请输入有效的电子邮箱地址。",
        password: catalogues["zh-CN"].errors.passwordTooShort,
      },
      values: { name: "", email: "nope" },
    });
    expect(JSON.stringify(result)).not.toContain("short");
    expect(run).not.toHaveBeenCalled();
  });

  it("`invalid` adds a form-level message; a message that is not a key reads as 'not valid'", async () => {
    const action = kit().publicAction({
      schema: z.object({ code: z.string().length(3) }),
      invalid: "errors.badCredentials",
      run: vi.fn(),
    });
    expect(await action(form({ code: "x" }))).toEqual({
      ok: false,
      fieldErrors: { code: "This value is not valid." },
      formError: catalogues.en.errors.badCredentials,
    });
  });

  it("takes the FormData alone or after useActionState's previous answer; files come through", async () => {
    const image = new File([new Uint8Array([1, 2, 3])], "a.png", { type: "image/png" });
    const action = kit().userAction({
      schema: z.object({ image: z.file() }),
      run: async ({ input, user }) => ({ ok: true, data: { bytes: input.image.size, by: user.id } }),
    });
    const previous: ActionResult<{ bytes: number; by: string }> = { ok: false };
    expect(await action(form({ image }))).toEqual({ ok: true, data: { bytes: 3, by: "owner" } });
    expect(await action(previous, form({ image }))).toEqual({ ok: true, data: { bytes: 3, by: "owner" } });
    await expect((action as unknown as (x: unknown) => Promise<unknown>)({ image })).rejects.toThrow(TypeError);
  });

  it("userAction: signed out goes to sign-in and back to where the form asks", async () => {
    const action = kit({ signedIn: null }).userAction({
      schema: z.object({ token: z.string() }),
      signInCallback: ({ token }) => `/invite/${token}`,
      run: vi.fn(),
    });
    expect((await thrown(action(form({ token: "abc" })))).digest).toMatch(
      /^NEXT_REDIRECT;\w+;\/sign-in\?callbackUrl=%2Finvite%2Fabc;/,
    );
  });
});
