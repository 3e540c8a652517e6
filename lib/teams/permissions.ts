import { OWNER_ROLE, type Role } from "./roles";

// What each role may do, in one table (issue 5, "Permissions"). Pure: the client components use
// it to hide controls, and the server (lib/teams/authorize.ts) enforces the same table.
export const PERMISSIONS = [
  "videos.create",
  "videos.read",
  "videos.delete.own",
  "videos.delete.any",
  // Change roles, remove, invite, set caps of MEMBERs and ADMINs.
  "members.manage",
  // Act on the owner's own membership (e.g. the owner's monthly cap).
  "members.manage.owner",
  "provider.manage",
  "budget.manage",
  "audit.read",
  // Team totals and one's own spend; everyone.
  "spend.read",
  // Spend of every member and every charge; owner and admins.
  "spend.read.members",
  "team.transfer",
  "team.delete",
  // Create, list and revoke the team's API tokens (Team → API).
  "api.manage",
  // Add, test, turn back on and remove the team's notification endpoints (Team → Notifications).
  "notifications.manage",
  // Create collections and add or remove videos in any of the team's collections (everyone).
  "collections.edit",
  // Rename or delete anyone's collection; a collection's creator may always (canManageCollection).
  "collections.manage.any",
  // See every stuck job of the team and give one up (Team → Stuck jobs); "Check now" is videos.read.
  "videos.stuck.manage",
] as const;

export type Permission = (typeof PERMISSIONS)[number];

const MEMBER: Permission[] = ["videos.create", "videos.read", "videos.delete.own", "spend.read", "collections.edit"];
const ADMIN: Permission[] = [
  ...MEMBER,
  "videos.delete.any",
  "members.manage",
  "provider.manage",
  "budget.manage",
  "audit.read",
  "spend.read.members",
  "api.manage",
  "notifications.manage",
  "collections.manage.any",
  "videos.stuck.manage",
];
const OWNER: Permission[] = [...PERMISSIONS];

const TABLE: Record<Role, ReadonlySet<Permission>> = {
  OWNER: new Set(OWNER),
  ADMIN: new Set(ADMIN),
  MEMBER: new Set(MEMBER),
};

export function can(role: Role, permission: Permission): boolean {
  return TABLE[role].has(permission);
}

/** May `actor` change the role of, remove, or set the cap of a member whose role is `target`? */
export function canManageMember(actor: Role, target: Role): boolean {
  return can(actor, target === OWNER_ROLE ? "members.manage.owner" : "members.manage");
}

/** May `role` delete a video? Its own with `videos.delete.own`, anyone's with `videos.delete.any`. */
export function canDeleteVideo(role: Role, isOwn: boolean): boolean {
  return can(role, isOwn ? "videos.delete.own" : "videos.delete.any");
}

/** May `role` rename or delete a collection? Its creator with `collections.edit`, anyone's with `.manage.any`. */
export function canManageCollection(role: Role, isCreator: boolean): boolean {
  return can(role, isCreator ? "collections.edit" : "collections.manage.any");
}

/**
 * The permission that stands for "at least this role", for callers that still name a minimum role
 * (requireTeam's older overload): the least a role may do that the role below it may not.
 */
export const ROLE_FLOOR: Record<Role, Permission> = {
  MEMBER: "videos.read",
  ADMIN: "members.manage",
  OWNER: "team.transfer",
};

/** Roles an invite or a role change may hand out: ownership only moves by transfer. */
export const ASSIGNABLE_ROLES = ["MEMBER", "ADMIN"] as const;
export type AssignableRole = (typeof ASSIGNABLE_ROLES)[number];

export function isAssignableRole(value: unknown): value is AssignableRole {
  return typeof value === "string" && (ASSIGNABLE_ROLES as readonly string[]).includes(value);
}

/** What an owner stays on as after handing the team to another member. */
export const FORMER_OWNER_ROLE: AssignableRole = "ADMIN";
/** What the invite form offers first. */
export const DEFAULT_INVITE_ROLE: AssignableRole = "MEMBER";
