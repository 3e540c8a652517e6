// crypto.randomUUID exists only in secure contexts (https, localhost); a studio opened over plain
// http on a LAN address still needs a key, and getRandomValues works everywhere.
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === "function") return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}
