import { createCipheriv, createDecipheriv, createHash, randomBytes } from "node:crypto";

// Teams' provider API keys at rest: AES-256-GCM under a key derived from PROVIDER_KEY_SECRET.
// Stored as "v1:<iv>:<tag>:<ciphertext>" (base64url). The plaintext never leaves the server.
const VERSION = "v1";

function keyFrom(secret: string): Buffer {
  return createHash("sha256").update(`sora-studio provider key v1\0${secret}`).digest();
}

export function encryptProviderKey(plaintext: string, secret: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", keyFrom(secret), iv);
  const body = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  return [
    VERSION,
    iv.toString("base64url"),
    cipher.getAuthTag().toString("base64url"),
    body.toString("base64url"),
  ].join(":");
}

export function decryptProviderKey(stored: string, secret: string): string {
  const [version, iv, tag, body] = stored.split(":");
  if (version !== VERSION || !iv || !tag || body === undefined) throw new Error("Unreadable provider key ciphertext");
  const decipher = createDecipheriv("aes-256-gcm", keyFrom(secret), Buffer.from(iv, "base64url"));
  decipher.setAuthTag(Buffer.from(tag, "base64url"));
  return Buffer.concat([decipher.update(Buffer.from(body, "base64url")), decipher.final()]).toString("utf8");
}

/** What a person may see of a key: its last four characters. */
export function keyLast4(plaintext: string): string {
  return plaintext.trim().slice(-4);
}
