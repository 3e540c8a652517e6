import { lookup } from "node:dns/promises";
import { isIP } from "node:net";

// Where the studio may send notifications (docs/decisions/042-outgoing-notifications.md): http(s)
// only, and, unless private targets are allowed (development, test, or
// STUDIO_WEBHOOK_PRIVATE_TARGETS=allow), never this machine or a private network: loopback,
// RFC 1918, link-local (cloud metadata), CGNAT, unique-local IPv6 and names like "localhost".

export type TargetProblem = "invalid" | "scheme" | "internal";

function ipv4Internal(ip: string): boolean {
  const [a = 0, b = 0] = ip.split(".").map(Number);
  return (
    a === 0 ||
    a === 10 ||
    a === 127 ||
    (a === 100 && b >= 64 && b <= 127) ||
    (a === 169 && b === 254) ||
    (a === 172 && b >= 16 && b <= 31) ||
    (a === 192 && b === 168) ||
    a >= 224
  );
}

export function isInternalAddress(address: string): boolean {
  const ip = address.replace(/^\[|\]$/g, "").toLowerCase();
  const family = isIP(ip);
  if (family === 4) return ipv4Internal(ip);
  if (family === 6) {
    if (ip === "::" || ip === "::1") return true;
    // IPv4-mapped, dotted or as WHATWG URL writes it (::ffff:7f00:1 for 127.0.0.1).
    const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(ip);
    if (mapped?.[1]) return ipv4Internal(mapped[1]);
    const hex = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(ip);
    if (hex?.[1] && hex[2]) {
      const [high, low] = [parseInt(hex[1], 16), parseInt(hex[2], 16)];
      return ipv4Internal(`${high >> 8}.${high & 255}.${low >> 8}.${low & 255}`);
    }
    return /^(fc|fd|fe8|fe9|fea|feb)/.test(ip);
  }
  return false;
}

function internalName(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/\.$/, "");
  return (
    host === "localhost" ||
    host.endsWith(".localhost") ||
    host.endsWith(".local") ||
    host.endsWith(".internal") ||
    host.endsWith(".lan") ||
    !host.includes(".")
  );
}

/** Checks a typed URL without the network; null when it may be saved. */
export function targetProblem(value: string, allowPrivate: boolean): TargetProblem | null {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return "invalid";
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") return "scheme";
  if (url.username || url.password) return "invalid";
  if (allowPrivate) return null;
  const host = url.hostname.replace(/^\[|\]$/g, "");
  if (isIP(host) ? isInternalAddress(host) : internalName(host)) return "internal";
  return null;
}

/** At send time: the name must not resolve to an internal address either (a public name pointed inward). */
export async function resolvesInternally(value: string): Promise<boolean> {
  const host = new URL(value).hostname.replace(/^\[|\]$/g, "");
  if (isIP(host)) return isInternalAddress(host);
  const addresses = await lookup(host, { all: true });
  return addresses.some((a) => isInternalAddress(a.address));
}

/** What the page shows of a URL whose path may carry a bot's token: scheme, host and the last 4 characters. */
export function displayUrl(value: string): string {
  const url = new URL(value);
  const rest = `${url.pathname}${url.search}`;
  return rest.length > 1 ? `${url.protocol}//${url.host}/…${rest.slice(-4)}` : `${url.protocol}//${url.host}/`;
}
