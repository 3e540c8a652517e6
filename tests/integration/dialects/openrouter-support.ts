import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { addConnection } from "@/lib/teams/connections";
import { createVideoJob } from "@/lib/videos/create-video-job";
import type { ReferenceImage } from "@/lib/videos/validate-video-request";
import { key, newTeam } from "../../support/video-harness";

// What the OpenRouter tests share: a team with a connection of the built-in OpenRouter simulator,
// a submit on it, and the profile's control routes (catalogue, billing, callbacks).

export const openRouterControl = (action: string) =>
  process.env.SIMULATOR_CONTROL_URL!.replace(/\/__simulator$/, `/openrouter/__simulator/${action}`);

export const openRouterApi = (path: string) =>
  process.env.SIMULATOR_BASE_URL!.replace(/\/v1$/, `/openrouter/v1${path}`);

export async function control(action: string, body?: unknown, method = body === undefined ? "GET" : "POST") {
  const res = await fetch(openRouterControl(action), {
    method,
    headers: { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`simulator control ${action}: ${res.status} ${await res.text()}`);
  return res.json() as Promise<Record<string, unknown>>;
}

export async function openRouterTeam() {
  const { owner, team } = await newTeam();
  const connectionId = await addConnection(
    db,
    owner.id,
    team.id,
    { name: "OpenRouter (sim)", preset: "simulator-openrouter", baseUrl: null, apiKey: null },
    env.providerKeySecret(),
  );
  const submit = (job: {
    model: string;
    size: string;
    seconds: number;
    prompt: string;
    referenceImage?: ReferenceImage;
    lastFrameImage?: ReferenceImage;
  }) => createVideoJob({ teamId: team.id, userId: owner.id, idempotencyKey: key(), connectionId, ...job });
  return { owner, team, connectionId, submit };
}
