import { describe, expect, it } from "vitest";
import { can, canManageCollection, canManageMember, PERMISSIONS, type Permission } from "@/lib/teams/permissions";
import { ROLES, type Role } from "@/lib/teams/roles";

// The whole table, written out: a change to who may do what has to change this test too.
const EXPECTED: Record<Permission, Role[]> = {
  "videos.create": ["OWNER", "ADMIN", "MEMBER"],
  "videos.read": ["OWNER", "ADMIN", "MEMBER"],
  "videos.delete.own": ["OWNER", "ADMIN", "MEMBER"],
  "videos.delete.any": ["OWNER", "ADMIN"],
  "members.manage": ["OWNER", "ADMIN"],
  "members.manage.owner": ["OWNER"],
  "provider.manage": ["OWNER", "ADMIN"],
  "budget.manage": ["OWNER", "ADMIN"],
  "audit.read": ["OWNER", "ADMIN"],
  "spend.read": ["OWNER", "ADMIN", "MEMBER"],
  "spend.read.members": ["OWNER", "ADMIN"],
  "team.transfer": ["OWNER"],
  "team.delete": ["OWNER"],
  "api.manage": ["OWNER", "ADMIN"],
  "notifications.manage": ["OWNER", "ADMIN"],
  "collections.edit": ["OWNER", "ADMIN", "MEMBER"],
  "collections.manage.any": ["OWNER", "ADMIN"],
  "videos.stuck.manage": ["OWNER", "ADMIN"],
};

describe("permissions", () => {
  it("lists every permission in the expected table", () => {
    expect([...PERMISSIONS].sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  for (const permission of PERMISSIONS) {
    for (const role of ROLES) {
      const allowed = EXPECTED[permission].includes(role);
      it(`${role} ${allowed ? "may" : "may not"} ${permission}`, () => {
        expect(can(role, permission)).toBe(allowed);
      });
    }
  }

  it("the owner may do everything", () => {
    expect(PERMISSIONS.every((p) => can("OWNER", p))).toBe(true);
  });

  it("admins manage members and admins but not the owner; members manage nobody", () => {
    expect(canManageMember("ADMIN", "MEMBER")).toBe(true);
    expect(canManageMember("ADMIN", "ADMIN")).toBe(true);
    expect(canManageMember("ADMIN", "OWNER")).toBe(false);
    expect(canManageMember("OWNER", "OWNER")).toBe(true);
    for (const target of ROLES) expect(canManageMember("MEMBER", target)).toBe(false);
  });

  it("a collection's creator renames and deletes it whatever their role; admins and the owner any", () => {
    for (const role of ROLES) expect(canManageCollection(role, true)).toBe(true);
    expect(canManageCollection("MEMBER", false)).toBe(false);
    expect(canManageCollection("ADMIN", false)).toBe(true);
    expect(canManageCollection("OWNER", false)).toBe(true);
  });
});
