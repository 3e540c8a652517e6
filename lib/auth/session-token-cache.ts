import "server-only";
import { decode, encode, type JWT, type JWTDecodeParams, type JWTEncodeParams } from "next-auth/jwt";

// Auth.js decrypts the session cookie (JWE: HKDF + AES-CBC-HMAC through WebCrypto) on every
// auth(), then re-encrypts it to slide its expiry: ~1.5–3 ms of crypto per request, more than
// everything else a status poll does (issue 11, items 3 and 6). A browser sends the same cookie
// on every request, so both are remembered for a short while, keyed by exactly what they were
// computed from (the cookie's full text; the payload, salt and secret). The cache is bounded, an
// entry never outlives the token's own `exp`, and nothing in it is reachable without the cookie
// itself. Sessions are stateless JWTs either way: there is no server-side revocation to bypass.

const MAX_ENTRIES = 2_000;
const DECODED_FOR_MS = 5 * 60_000;
/** A refreshed cookie is reused this long: its expiry is at most this much shorter than "now + maxAge". */
const ENCODED_FOR_MS = 60_000;

type Entry<T> = { value: T; until: number };

class Bounded<T> {
  private readonly map = new Map<string, Entry<T>>();

  get(key: string, now: number): T | undefined {
    const entry = this.map.get(key);
    if (!entry) return undefined;
    if (entry.until <= now) {
      this.map.delete(key);
      return undefined;
    }
    return entry.value;
  }

  set(key: string, value: T, until: number): void {
    if (this.map.size >= MAX_ENTRIES) this.map.delete(this.map.keys().next().value!);
    this.map.set(key, { value, until });
  }
}

const decoded = new Bounded<JWT>();
const encoded = new Bounded<string>();

const secretKey = (secret: string | string[]) => (Array.isArray(secret) ? secret.join("\n") : secret);

/** Auth.js's decode, remembered per cookie until min(5 min, the token's exp). */
export async function cachedDecode(params: JWTDecodeParams): Promise<JWT | null> {
  if (!params.token) return null;
  const now = Date.now();
  const key = `${params.salt}\n${secretKey(params.secret)}\n${params.token}`;
  const hit = decoded.get(key, now);
  if (hit) return structuredClone(hit);
  const payload = await decode(params);
  if (payload) {
    const expiresAt = typeof payload.exp === "number" ? payload.exp * 1000 : now;
    decoded.set(key, payload, Math.min(now + DECODED_FOR_MS, expiresAt));
    return structuredClone(payload);
  }
  return payload;
}

/** Auth.js's encode, the same cookie for the same payload for a minute. */
export async function cachedEncode(params: JWTEncodeParams): Promise<string> {
  const now = Date.now();
  const key = `${params.salt}\n${secretKey(params.secret)}\n${params.maxAge ?? ""}\n${JSON.stringify(params.token ?? {})}`;
  const hit = encoded.get(key, now);
  if (hit) return hit;
  const token = await encode(params);
  encoded.set(key, token, now + ENCODED_FOR_MS);
  return token;
}
