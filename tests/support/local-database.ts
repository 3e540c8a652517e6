// The integration suite migrates the database it is given and fills it with users and teams, so it
// refuses any DATABASE_URL that is not on this machine (like dub's local-database guard): a SQLite
// file, or PostgreSQL on localhost, 127.0.0.1, ::1 or a unix socket. Setting
// INTEGRATION_ALLOW_REMOTE_DATABASE=1 runs it against another host anyway.

export const REMOTE_DATABASE_OVERRIDE = "INTEGRATION_ALLOW_REMOTE_DATABASE";

const LOCAL_HOSTS = new Set(["localhost", "127.0.0.1", "::1"]);

export class RemoteDatabaseError extends Error {}

/** Where a database URL points: "local" (a file, this machine, a unix socket) or the host it names. */
export function databaseHost(url: string): { local: true } | { local: false; host: string } {
  if (url.startsWith("file:") || url.startsWith("socket:")) return { local: true };
  // Read by hand, not with URL: `postgresql://user@/db?host=/run/postgresql` (a socket) is no WHATWG URL.
  const match = /^[a-z][a-z0-9+.-]*:\/\/(?:[^@/?#]*@)?([^/?#]*)[^?#]*(?:\?([^#]*))?/i.exec(url);
  if (!match) return { local: false, host: "(not a URL)" };
  // libpq and node-postgres: a `host` query parameter wins over the URL's host; a host that is a
  // path (or no host at all) is a unix socket.
  const authority = match[1] ?? "";
  const hostAndPort = new URLSearchParams(match[2] ?? "").get("host") ?? authority;
  const host = safeDecode(
    hostAndPort.startsWith("[") ? hostAndPort.slice(1, hostAndPort.indexOf("]")) : hostAndPort.replace(/:\d*$/, ""),
  );
  if (host === "" || host.startsWith("/")) return { local: true };
  return LOCAL_HOSTS.has(host.toLowerCase()) ? { local: true } : { local: false, host };
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** Throws a RemoteDatabaseError naming the host unless the URL is local or the override is set. */
export function assertLocalDatabase(url: string, env: Record<string, string | undefined> = process.env): void {
  const where = databaseHost(url);
  if (where.local || env[REMOTE_DATABASE_OVERRIDE] === "1") return;
  throw new RemoteDatabaseError(
    `Integration tests refuse to migrate and fill the database at ${redact(url)}: its host "${where.host}" is not this machine ` +
      `(localhost, 127.0.0.1, ::1 or a unix socket). Point DATABASE_URL at a local database, or set ${REMOTE_DATABASE_OVERRIDE}=1 to use this one anyway.`,
  );
}

function redact(url: string): string {
  return url.replace(/\/\/[^@/]*@/, "//***@");
}
