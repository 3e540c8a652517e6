// The address a request came from, for throttling. Behind a proxy the first X-Forwarded-For hop
// is the client; directly on localhost there is none, and every request counts as "local".
export function clientAddress(headers: Headers): string {
  const forwarded = headers.get("x-forwarded-for")?.split(",")[0]?.trim();
  return forwarded || headers.get("x-real-ip") || "local";
}
