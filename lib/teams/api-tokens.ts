import "server-only";
import { createHash, randomBytes } from "node:crypto";
import type { Db } from "@/lib/db/client";
import { recordAudit } from "@/lib/audit/record";
import type { Reader } from "./db-types";
import { authorize, authorizeSignedIn, TeamAccessError, type CheckedActor } from "./authorize";
import { monthOf } from "@/lib/money/month";
import type { Role } from "./roles";
import { API_TOKEN_PREFIX, type ApiTokenExpiryDays } from "./api-token-rules";

// Team API tokens (docs/decisions/040-api-tokens.md). A token is 32 random bytes behind a "sst_"
// prefix; the database keeps its sha256 (a high-entropy secret needs no slow hash) and its last
// four characters. A token acts as the member who created it, within that member's role today,
// and stops working once they leave the team, it is revoked or it expires.

const DAY_MS = 24 * 3600 * 1000;
/** lastUsedAt is written at most once a minute per token: a busy script is not a write per call. */
const LAST_USED_GRANULARITY_MS = 60_000;

export function hashApiToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

export function looksLikeApiToken(value: string): boolean {
  return /^sst_[A-Za-z0-9_-]{43}$/.test(value);
}

function newApiToken(): { token: string; tokenHash: string; last4: string } {
  const token = `${API_TOKEN_PREFIX}${randomBytes(32).toString("base64url")}`;
  return { token, tokenHash: hashApiToken(token), last4: token.slice(-4) };
}

export type ApiTokenStatus = "active" | "expired" | "revoked" | "creator_left";

export type ApiTokenDto = {
  id: string;
  name: string;
  last4: string;
  status: ApiTokenStatus;
  createdAt: string;
  createdBy: string | null;
  expiresAt: string | null;
  lastUsedAt: string | null;
  revokedAt: string | null;
  monthlyCapCents: number | null;
  /** What jobs made with it cost this month (charges), integer cents. */
  spentCents: number;
};

/** A new token for the team; the secret is in the answer once and never stored. */
export async function createApiToken(
  db: Db,
  actorId: string,
  teamId: string,
  input: { name: string; monthlyCapCents: number | null; expiresInDays: ApiTokenExpiryDays | null },
  now = new Date(),
): Promise<{ token: string; id: string }> {
  return db.$transaction(async (tx) => {
    const { team } = await authorize(tx, actorId, teamId, "api.manage");
    const { token, tokenHash, last4 } = newApiToken();
    const expiresAt = input.expiresInDays ? new Date(now.getTime() + input.expiresInDays * DAY_MS) : null;
    const row = await tx.apiToken.create({
      data: {
        teamId: team.id,
        createdById: actorId,
        name: input.name,
        tokenHash,
        last4,
        monthlyCapCents: input.monthlyCapCents,
        expiresAt,
      },
      select: { id: true },
    });
    await recordAudit(tx, {
      teamId: team.id,
      actorId,
      action: "api_token.created",
      targetId: row.id,
      data: {
        name: input.name,
        last4,
        capCents: input.monthlyCapCents,
        expiresAt: expiresAt?.toISOString() ?? null,
      },
    });
    return { token, id: row.id };
  });
}

/** Revokes one token of the team at once; its jobs keep their mark in the gallery. */
export async function revokeApiToken(db: Db, actorId: string, teamId: string, tokenId: string, now = new Date()) {
  await db.$transaction(async (tx) => {
    const { team } = await authorize(tx, actorId, teamId, "api.manage");
    const row = await tx.apiToken.findFirst({
      where: { id: tokenId, teamId: team.id, revokedAt: null },
      select: { id: true, name: true, last4: true },
    });
    if (!row) throw new TeamAccessError("not_found");
    await tx.apiToken.update({ where: { id: row.id }, data: { revokedAt: now, revokedById: actorId } });
    await recordAudit(tx, {
      teamId: team.id,
      actorId,
      action: "api_token.revoked",
      targetId: row.id,
      data: { name: row.name, last4: row.last4 },
    });
  });
}

/** The team's tokens, newest first, with their state and this month's spend; owners and admins. */
export async function listApiTokens(
  db: Reader,
  actorId: string,
  teamId: string,
  now = new Date(),
): Promise<ApiTokenDto[]> {
  const { team } = await authorize(db, actorId, teamId, "api.manage");
  const rows = await db.apiToken.findMany({
    where: { teamId: team.id },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: 200,
    select: {
      id: true,
      name: true,
      last4: true,
      createdAt: true,
      expiresAt: true,
      lastUsedAt: true,
      revokedAt: true,
      monthlyCapCents: true,
      createdById: true,
      createdBy: { select: { name: true, email: true } },
    },
  });
  const members = await db.membership.findMany({
    where: { teamId: team.id, userId: { in: [...new Set(rows.map((r) => r.createdById))] } },
    select: { userId: true },
  });
  const stillMembers = new Set(members.map((m) => m.userId));
  const month = monthOf(now);
  const charges = await db.charge.findMany({
    where: { createdAt: { gte: month.start, lt: month.end }, task: { apiTokenId: { in: rows.map((r) => r.id) } } },
    select: { amountCents: true, task: { select: { apiTokenId: true } } },
  });
  const spent = new Map<string, number>();
  for (const c of charges)
    if (c.task.apiTokenId) spent.set(c.task.apiTokenId, (spent.get(c.task.apiTokenId) ?? 0) + c.amountCents);
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    last4: r.last4,
    status: r.revokedAt
      ? "revoked"
      : r.expiresAt && r.expiresAt <= now
        ? "expired"
        : stillMembers.has(r.createdById)
          ? "active"
          : "creator_left",
    createdAt: r.createdAt.toISOString(),
    createdBy: r.createdBy.name ?? r.createdBy.email,
    expiresAt: r.expiresAt?.toISOString() ?? null,
    lastUsedAt: r.lastUsedAt?.toISOString() ?? null,
    revokedAt: r.revokedAt?.toISOString() ?? null,
    monthlyCapCents: r.monthlyCapCents,
    spentCents: spent.get(r.id) ?? 0,
  }));
}

/**
 * Who a working token acts as: its creator in its team, with the creator's role today. `actor`
 * is the CheckedActor of that read, handed to lib as a route hands its own (no second read).
 */
export type ApiTokenActor = {
  tokenId: string;
  tokenName: string;
  teamId: string;
  userId: string;
  role: Role;
  monthlyCapCents: number | null;
  actor: CheckedActor;
};

/**
 * The bearer check of /api/v1: the token's hash is known, not revoked, not expired, and its
 * creator is still a member of its team. Anything else is null (the API's 401); which of them
 * it was is not told. Records the last use, at most once a minute.
 */
export async function authenticateApiToken(db: Db, secret: string, now = new Date()): Promise<ApiTokenActor | null> {
  if (!looksLikeApiToken(secret)) return null;
  const row = await db.apiToken.findUnique({
    where: { tokenHash: hashApiToken(secret) },
    select: {
      id: true,
      name: true,
      teamId: true,
      createdById: true,
      monthlyCapCents: true,
      expiresAt: true,
      revokedAt: true,
      lastUsedAt: true,
    },
  });
  if (!row || row.revokedAt || (row.expiresAt && row.expiresAt <= now)) return null;
  // The creator and their membership, as a route checks its signed-in user: gone or left → null.
  const actor = await authorizeSignedIn(db, row.createdById, row.teamId, "videos.read").catch((error: unknown) => {
    if (error instanceof TeamAccessError) return null;
    throw error;
  });
  if (!actor) return null;
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() >= LAST_USED_GRANULARITY_MS)
    await db.apiToken.update({ where: { id: row.id }, data: { lastUsedAt: now } });
  return {
    tokenId: row.id,
    tokenName: row.name,
    teamId: row.teamId,
    userId: row.createdById,
    role: actor.role,
    monthlyCapCents: row.monthlyCapCents,
    actor,
  };
}
