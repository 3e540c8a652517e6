import { describe, expect, it } from "vitest";
import { errorResponse, HttpError, httpErrors, refusalResponse } from "@/lib/http/errors";
import { TeamAccessError } from "@/lib/teams/authorize";
import { VideoDeleteForbiddenError } from "@/lib/videos/delete-video";

// The one error envelope of the route handlers and proxy.ts: { error: { message, code } }, no-store.

async function envelope(response: Response | null) {
  if (!response) throw new Error("no response");
  return { status: response.status, cache: response.headers.get("cache-control"), body: await response.json() };
}

describe("error envelope", () => {
  it("has one shape, never cached", async () => {
    expect(await envelope(errorResponse(400, "bad_month", "month must look like 2026-10."))).toEqual({
      status: 400,
      cache: "no-store",
      body: { error: { message: "month must look like 2026-10.", code: "bad_month" } },
    });
    expect(await envelope(httpErrors.unauthenticated().toResponse())).toEqual({
      status: 401,
      cache: "no-store",
      body: { error: { message: "Sign in first.", code: "unauthenticated" } },
    });
  });

  it("answers the data layer's refusals: not_found → 404, forbidden → 403 (a member deleting another's video too)", async () => {
    expect((await envelope(refusalResponse(new TeamAccessError("not_found")))).status).toBe(404);
    expect((await envelope(refusalResponse(new TeamAccessError("forbidden")))).body).toEqual({
      error: { message: "Not allowed.", code: "forbidden" },
    });
    expect((await envelope(refusalResponse(new VideoDeleteForbiddenError()))).status).toBe(403);
    expect((await envelope(refusalResponse(new HttpError(404, "not_stored", "x")))).body.error.code).toBe("not_stored");
  });

  it("anything else is not a refusal (the pipeline lets it fail as a 500)", () => {
    expect(refusalResponse(new Error("boom"))).toBeNull();
    expect(refusalResponse({ code: "P2002" })).toBeNull();
  });
});
