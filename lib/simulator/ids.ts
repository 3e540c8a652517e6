import { randomBytes } from "node:crypto";

// Real ids start with the creation time in hex seconds (e.g. `video_68e2b1b3...`), then random
// hex; 48 hex characters in all after the prefix.
export const VIDEO_ID_PATTERN = /^video_[0-9a-f]{48}$/;

export function newVideoId(nowMs: number, prefix = "video_"): string {
  const seconds = Math.floor(nowMs / 1000)
    .toString(16)
    .padStart(8, "0")
    .slice(-8);
  return `${prefix}${seconds}${randomBytes(20).toString("hex")}`;
}

/** The creation second embedded in an id, used to place a list cursor whose job is gone. */
export function secondsFromVideoId(id: string): number | null {
  if (!VIDEO_ID_PATTERN.test(id)) return null;
  return Number.parseInt(id.slice(6, 14), 16);
}

export function newRequestId(): string {
  return `req_${randomBytes(16).toString("hex")}`;
}
