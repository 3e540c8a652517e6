import "server-only";
import { NextResponse } from "next/server";
import { db } from "@/lib/db";
import { currentUser } from "@/lib/auth/current-user";
import { authorize, TeamAccessError } from "@/lib/teams/authorize";
import type { ViewerContext } from "@/lib/videos/task-dto";

// The first lines of every videos route handler: who is asking, and are they in this team?
// Route handlers are public endpoints, so this runs on every request; a non-member gets the same
// 404 as an unknown team, so team ids cannot be probed. One error envelope: { error: { message, code } }.

export function apiError(status: number, code: string, message: string): NextResponse {
  return NextResponse.json({ error: { message, code } }, { status, headers: { "Cache-Control": "no-store" } });
}

export async function teamApiViewer(teamId: string): Promise<ViewerContext | NextResponse> {
  const user = await currentUser();
  if (!user) return apiError(401, "unauthenticated", "Sign in first.");
  try {
    const actor = await authorize(db, user.id, teamId, "videos.read");
    return { teamId: actor.team.id, userId: user.id, role: actor.role };
  } catch (error) {
    if (error instanceof TeamAccessError) return apiError(404, "not_found", "Not found.");
    throw error;
  }
}
