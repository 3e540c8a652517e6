import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { request as playwrightRequest } from "@playwright/test";
import { expect, test } from "./fixtures";
import type { Role } from "@/lib/teams/roles";
import { createInviteLink, insertCharge, person, userIdOf, withDb } from "./team-support";

// The HTTP half of the access matrix: every route handler under app/api/teams (found on disk, so
// new ones are covered as they land) and the team pages, as anonymous, stranger, member, admin and
// owner. The data-layer half is tests/integration/team/access-matrix.test.ts.

type Route = { file: string; pattern: string; methods: string[] };

function routes(): Route[] {
  const root = path.resolve("app/api/teams");
  const out: Route[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name === "route.ts") {
        const source = readFileSync(full, "utf8");
        const methods = [
          ...source.matchAll(
            /export (?:async )?function (GET|POST|PUT|PATCH|DELETE)\b|export const (GET|POST|PUT|PATCH|DELETE)\b/g,
          ),
        ].map((m) => (m[1] ?? m[2])!);
        out.push({
          file: path.relative(root, full),
          pattern: `/api/teams/${path.relative(root, dir).split(path.sep).join("/")}`,
          methods,
        });
      }
    }
  };
  walk(root);
  return out;
}

function fill(pattern: string, teamId: string, taskId: string): string {
  return pattern
    .replace("[teamId]", teamId)
    .replace("[taskId]", taskId)
    .replace("[variant]", "video")
    .replace(/\[\.{3}\w+\]|\[\w+\]/g, "x");
}

test("route handlers: anonymous → 401, strangers and guessed ids → 404, members get in", async ({
  browser,
  baseURL,
}) => {
  // Three sign-ups, then every route × method × five kinds of caller: a minute on a quiet machine.
  test.setTimeout(180_000);
  const list = routes();
  expect(list.length).toBeGreaterThan(0);
  const owner = await person(browser, "matrixowner");
  const stranger = await person(browser, "matrixstranger");
  const link = await createInviteLink(owner.page, owner.teamId);
  const member = await person(browser, "matrixmember");
  await member.page.goto(link);
  await member.page.getByRole("button", { name: /^Join / }).click();
  await member.page.waitForURL(`**/t/${owner.teamId}/generate`);
  const ownTask = insertCharge(owner.teamId, userIdOf(owner.user.email), 10, new Date());
  const strangersTask = insertCharge(stranger.teamId, userIdOf(stranger.user.email), 10, new Date());

  const anonymous = await playwrightRequest.newContext({ baseURL });
  // A made-up session cookie gets past the optimistic proxy: the handler itself must refuse.
  const forged = await playwrightRequest.newContext({
    baseURL,
    extraHTTPHeaders: { cookie: "authjs.session-token=forged.value.here" },
  });
  for (const route of list) {
    for (const method of route.methods) {
      const own = fill(route.pattern, owner.teamId, ownTask);
      const label = `${method} ${route.pattern}`;
      for (const client of [anonymous, forged]) {
        const res = await client.fetch(own, { method, maxRedirects: 0 });
        expect(res.status(), `${label} anonymous`).toBe(401);
        const body = await res.text();
        expect(body, label).not.toContain(owner.user.email);
        expect(JSON.parse(body), `${label} envelope`).toEqual({
          error: { message: "Sign in first.", code: "unauthenticated" },
        });
      }
      const asStranger = await stranger.page.request.fetch(own, { method, maxRedirects: 0 });
      expect(asStranger.status(), `${label} stranger`).toBe(404);
      expect(await asStranger.json(), `${label} stranger envelope`).toEqual({
        error: { message: "Not found.", code: "not_found" },
      });
      const unknownTeam = await owner.page.request.fetch(fill(route.pattern, "cm0000000000000000000000x", ownTask), {
        method,
        maxRedirects: 0,
      });
      expect(unknownTeam.status(), `${label} unknown team`).toBe(404);
      // The stranger's own task id, asked through the owner's team: absent, not forbidden.
      if (route.pattern.includes("[taskId]")) {
        const guessed = await owner.page.request.fetch(fill(route.pattern, owner.teamId, strangersTask), {
          method,
          maxRedirects: 0,
        });
        expect(guessed.status(), `${label} guessed task`).toBe(404);
      }
      if (method === "GET" && !route.pattern.includes("[taskId]") && route.pattern.endsWith("/events")) {
        // A Server-Sent Events stream never ends: read its status and type, then hang up.
        const answer = await member.page.evaluate(async (url) => {
          const stop = new AbortController();
          const res = await fetch(url, { signal: stop.signal });
          const head = { status: res.status, type: res.headers.get("content-type") };
          stop.abort();
          return head;
        }, own);
        expect(answer.status, `${label} member`).toBe(200);
        expect(answer.type, `${label} member`).toContain("text/event-stream");
      } else if (method === "GET" && !route.pattern.includes("[taskId]")) {
        const asMember = await member.page.request.get(own, { maxRedirects: 0 });
        expect([200, 400], `${label} member`).toContain(asMember.status());
      }
    }
  }
  await anonymous.dispose();
  await forged.dispose();

  // The cron route answers in the same envelope (off without CRON_SECRET, wrong secret alike).
  const cron = await stranger.page.request.post("/api/cron/sweep", { headers: { authorization: "Bearer wrong" } });
  expect(cron.status()).toBe(404);
  expect(await cron.json()).toEqual({ error: { message: "Not found.", code: "not_found" } });
  const badMonth = await member.page.request.get(`/api/teams/${owner.teamId}/spend/csv?month=2026-13`);
  expect(badMonth.status()).toBe(400);
  expect((await badMonth.json()).error.code).toBe("bad_month");

  // Pages: a stranger gets the same 404 as for a team that does not exist.
  for (const section of ["team", "team/provider", "team/api", "team/audit", "spend", "spend?month=2020-01"]) {
    expect((await stranger.page.goto(`/t/${owner.teamId}/${section}`))?.status(), section).toBe(404);
    expect((await stranger.page.goto(`/t/cm0000000000000000000000x/${section}`))?.status(), section).toBe(404);
  }
  // Invite pages never name a team for a link that does not work.
  const res = await stranger.page.goto(`/invite/${"A".repeat(43)}`);
  expect(res?.status()).toBe(200);
  await expect(stranger.page.getByRole("heading", { name: "This invite link does not work" })).toBeVisible();
  await owner.close();
  await stranger.close();
  await member.close();
});

// The video operations over HTTP, role by role: every member reads the team's videos (list,
// status, media); "delete" is offered per row by the permission table (own, or any for admin and
// owner); a task that exists but has no stored file is "not_stored", never confused with an id
// of another team ("not_found").
test("video routes: member (own and other's video), admin and owner", async ({ browser }) => {
  test.setTimeout(180_000);
  const owner = await person(browser, "vidowner");
  const stranger = await person(browser, "vidstranger");
  // Memberships written as an accepted invite leaves them (the invite flow has its own tests).
  const join = async (prefix: string, role: Role) => {
    const who = await person(browser, prefix);
    withDb((db) =>
      db
        .prepare("INSERT INTO Membership (id, teamId, userId, role, createdAt) VALUES (?, ?, ?, ?, ?)")
        .run(`m${who.user.id}`, owner.teamId, who.user.id, role, new Date().toISOString().replace("Z", "+00:00")),
    );
    return who;
  };
  const admin = await join("vidadmin", "ADMIN");
  const member = await join("vidmember", "MEMBER");
  const ownersTask = insertCharge(owner.teamId, userIdOf(owner.user.email), 10, new Date());
  const membersTask = insertCharge(owner.teamId, userIdOf(member.user.email), 10, new Date());
  const strangersTask = insertCharge(stranger.teamId, userIdOf(stranger.user.email), 10, new Date());
  const base = `/api/teams/${owner.teamId}/videos`;

  const cases = [
    { who: member, deletes: { [ownersTask]: false, [membersTask]: true } },
    { who: admin, deletes: { [ownersTask]: true, [membersTask]: true } },
    { who: owner, deletes: { [ownersTask]: true, [membersTask]: true } },
  ];
  for (const { who, deletes } of cases) {
    const name = who.user.email.split("-")[0]!;
    const list = await who.page.request.get(base);
    expect(list.status(), name).toBe(200);
    const items = ((await list.json()) as { items: { id: string; canDelete: boolean }[] }).items;
    expect(Object.fromEntries(items.map((v) => [v.id, v.canDelete])), name).toEqual(deletes);
    const status = await who.page.request.get(`${base}/status?ids=${ownersTask},${membersTask},${strangersTask}`);
    expect(status.status(), name).toBe(200);
    expect(((await status.json()) as { items: { id: string }[] }).items.map((v) => v.id).sort(), name).toEqual(
      [ownersTask, membersTask].sort(),
    );
    for (const task of [ownersTask, membersTask]) {
      const media = await who.page.request.get(`${base}/${task}/media/video?download=1`);
      expect(media.status(), `${name} media`).toBe(404);
      expect((await media.json()).error.code, `${name} media`).toBe("not_stored");
    }
    for (const path of [`${base}/${strangersTask}/media/video`, `${base}/${ownersTask}/media/secret`]) {
      const refused = await who.page.request.get(path);
      expect(refused.status(), `${name} ${path}`).toBe(404);
      expect((await refused.json()).error.code, `${name} ${path}`).toBe("not_found");
    }
  }
  for (const who of [owner, stranger, admin, member]) await who.close();
});
