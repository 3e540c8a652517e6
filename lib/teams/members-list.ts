import "server-only";
import type { Reader } from "./db-types";
import { authorize } from "./authorize";
import { memberSpendThisMonth } from "./budget";
import { can, canManageMember, type Permission } from "./permissions";
import { OWNER_ROLE, toRole, type Role } from "./roles";

export type MemberDto = {
  userId: string;
  name: string;
  email: string;
  role: Role;
  joinedAt: string;
  /** This month's charges; null when the viewer may not see other members' spend. */
  spentCents: number | null;
  capCents: number | null;
  isYou: boolean;
  /** The viewer may change this member's role, remove them, set their cap. */
  manageable: boolean;
};

export type MembersView = {
  team: { id: string; name: string };
  role: Role;
  members: MemberDto[];
  allowed: Partial<Record<Permission, boolean>>;
};

const SHOWN: Permission[] = [
  "members.manage",
  "provider.manage",
  "budget.manage",
  "audit.read",
  "spend.read.members",
  "team.transfer",
];

/** Every member of the team, for any member; spend and caps only for those who may see them. */
export async function listMembers(db: Reader, userId: string, teamId: string, now = new Date()): Promise<MembersView> {
  const actor = await authorize(db, userId, teamId, "videos.read");
  const seesSpend = can(actor.role, "spend.read.members");
  const [rows, spend] = await Promise.all([
    db.membership.findMany({
      where: { teamId: actor.team.id },
      orderBy: { createdAt: "asc" },
      select: {
        role: true,
        monthlyCapCents: true,
        createdAt: true,
        user: { select: { id: true, name: true, email: true } },
      },
    }),
    seesSpend ? memberSpendThisMonth(db, actor.team.id, now) : Promise.resolve(new Map<string, number>()),
  ]);
  const members = rows.map((r) => {
    const role = toRole(r.role);
    const isYou = r.user.id === userId;
    return {
      userId: r.user.id,
      name: r.user.name ?? r.user.email,
      email: r.user.email,
      role,
      joinedAt: r.createdAt.toISOString(),
      spentCents: seesSpend ? (spend.get(r.user.id) ?? 0) : null,
      capCents: seesSpend || isYou ? r.monthlyCapCents : null,
      isYou,
      manageable: !isYou && role !== OWNER_ROLE && canManageMember(actor.role, role),
    };
  });
  return {
    team: actor.team,
    role: actor.role,
    members,
    allowed: Object.fromEntries(SHOWN.map((p) => [p, can(actor.role, p)])),
  };
}
