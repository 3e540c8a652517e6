import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";

// The three signatures the studio makes (docs/notifications.md has the receivers' side).

export const STANDARD_SECRET_PREFIX = "whsec_";

/** A Standard Webhooks secret: "whsec_" + base64 of 32 random bytes. */
export function newStandardSecret(): string {
  return `${STANDARD_SECRET_PREFIX}${randomBytes(32).toString("base64")}`;
}

function standardKey(secret: string): Buffer {
  const raw = secret.startsWith(STANDARD_SECRET_PREFIX) ? secret.slice(STANDARD_SECRET_PREFIX.length) : secret;
  return Buffer.from(raw, "base64");
}

/** Standard Webhooks: base64 HMAC-SHA256 of "id.timestamp.body" under the decoded secret, as "v1,<sig>". */
export function standardSignature(secret: string, id: string, timestampSeconds: number, body: string): string {
  const mac = createHmac("sha256", standardKey(secret)).update(`${id}.${timestampSeconds}.${body}`).digest("base64");
  return `v1,${mac}`;
}

/** The receiver's check (used by our tests; docs/notifications.md shows the same in TS and Python). */
export function verifyStandardSignature(
  secret: string,
  headers: { id: string; timestamp: string; signature: string },
  body: string,
  nowSeconds = Math.floor(Date.now() / 1000),
  toleranceSeconds = 300,
): boolean {
  const timestamp = Number(headers.timestamp);
  if (!Number.isInteger(timestamp) || Math.abs(nowSeconds - timestamp) > toleranceSeconds) return false;
  const expected = Buffer.from(standardSignature(secret, headers.id, timestamp, body).slice(3), "base64");
  return headers.signature.split(" ").some((part) => {
    const [version, sig] = part.split(",");
    if (version !== "v1" || !sig) return false;
    const given = Buffer.from(sig, "base64");
    return given.length === expected.length && timingSafeEqual(given, expected);
  });
}

/** DingTalk's signed robot URL: HMAC-SHA256 of "timestamp\nsecret" keyed by the secret, base64, in the query. */
export function dingtalkSignedUrl(url: string, secret: string, timestampMs: number): string {
  const sign = createHmac("sha256", secret).update(`${timestampMs}\n${secret}`).digest("base64");
  const signed = new URL(url);
  signed.searchParams.set("timestamp", String(timestampMs));
  signed.searchParams.set("sign", sign);
  return signed.toString();
}

/** Feishu/Lark bot signing: HMAC-SHA256 keyed by "timestamp\nsecret" over an empty message, base64. */
export function feishuSign(secret: string, timestampSeconds: number): string {
  return createHmac("sha256", `${timestampSeconds}\n${secret}`).update("").digest("base64");
}
