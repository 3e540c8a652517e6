import { createHash } from "node:crypto";
import { apiErrors } from "./errors";
import type { JobRecord } from "./job";
import type { SimulatorOptions } from "./options";
import type { AuthStyle } from "./profiles/profile";

// Keys and ownership, like a real provider account: a job belongs to the key that created it,
// and another key's job answers the same 404 as an id that never existed (docs/decisions/014).

/**
 * What a job record keeps of its key: the hex SHA-256, never the key itself. A plain hash (not
 * salted) so ownership survives restarts and a shared data folder; keys are not passwords.
 */
export function keyOwner(key: string): string {
  return createHash("sha256").update(key, "utf8").digest("hex");
}

/**
 * The caller's owner hash, or a 401 in OpenAI's envelope.
 * CHOICE: by default any non-empty Bearer key works (so a first start needs no setup), except
 * one containing "invalid", which lets tests reach the 401 path; an allow-list replaces both
 * rules. The studio's embedded simulator always has one: its own generated key.
 */
export function authenticate(
  options: SimulatorOptions,
  request: Request,
  style: AuthStyle = "bearer",
): { owner: string; form: "bearer" | "bare" } {
  const header = (request.headers.get("authorization") ?? "").trim();
  const match = /^Bearer\s+(.*)$/i.exec(header);
  // CHOICE: "bearer-or-bare" channels (API易 and other new-api gateways) take the header's value
  // as the key after stripping an optional "Bearer ", as new-api does.
  const form = match ? "bearer" : "bare";
  const key = (match ? match[1] : style === "bearer-or-bare" ? header : "")?.trim() ?? "";
  if (key === "") throw apiErrors.missingApiKey();
  const accepted = options.apiKeys === null ? !key.toLowerCase().includes("invalid") : options.apiKeys.includes(key);
  if (!accepted) throw apiErrors.invalidApiKey(key);
  return { owner: keyOwner(key), form };
}

/**
 * CHOICE: a job written before jobs had owners (no `owner` in its file) stays visible to every
 * accepted key, so videos in flight survive the upgrade. In the studio only its own key is
 * accepted, so nothing leaks to anyone else.
 */
export function isVisibleTo(job: JobRecord, owner: string): boolean {
  return job.owner === null || job.owner === owner;
}
