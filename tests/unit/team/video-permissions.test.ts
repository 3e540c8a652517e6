import { describe, expect, it } from "vitest";
import { can, canDeleteVideo, ROLE_FLOOR } from "@/lib/teams/permissions";
import { ROLES, roleAtLeast } from "@/lib/teams/roles";

describe("video permissions", () => {
  it("anyone may delete their own video; only who holds videos.delete.any someone else's", () => {
    for (const role of ROLES) {
      expect(canDeleteVideo(role, true), role).toBe(true);
      expect(canDeleteVideo(role, false), role).toBe(can(role, "videos.delete.any"));
    }
    expect(canDeleteVideo("MEMBER", false)).toBe(false);
    expect(canDeleteVideo("ADMIN", false)).toBe(true);
  });

  it("a minimum role read as its floor permission admits exactly the roles at or above it", () => {
    for (const minimum of ROLES) {
      for (const role of ROLES)
        expect(can(role, ROLE_FLOOR[minimum]), `${role} ≥ ${minimum}`).toBe(roleAtLeast(role, minimum));
    }
  });
});
