export const ROLES = ["OWNER", "ADMIN", "MEMBER"] as const;
export type Role = (typeof ROLES)[number];

/** The role a team has exactly one of: its creator's, and it only moves by transferOwnership. */
export const OWNER_ROLE = "OWNER" satisfies Role;

export function isRole(value: unknown): value is Role {
  return typeof value === "string" && (ROLES as readonly string[]).includes(value);
}

export function toRole(value: string): Role {
  if (!isRole(value)) throw new Error(`Unknown role in database: ${value}`);
  return value;
}

const RANK: Record<Role, number> = { OWNER: 3, ADMIN: 2, MEMBER: 1 };

export function roleAtLeast(role: Role, minimum: Role): boolean {
  return RANK[role] >= RANK[minimum];
}
