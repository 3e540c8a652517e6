import { hash, verify } from "@node-rs/argon2";

export { MIN_PASSWORD_LENGTH, MAX_PASSWORD_LENGTH } from "./password-rules";

export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

// Verifying against a real hash even when no user exists keeps "no such account" as slow as
// "wrong password", so timing does not reveal which e-mails have accounts.
const decoyHash = hash("decoy-password-for-constant-time");

export async function verifyPassword(storedHash: string | null | undefined, password: string): Promise<boolean> {
  if (!storedHash) {
    await verify(await decoyHash, password).catch(() => false);
    return false;
  }
  return verify(storedHash, password).catch(() => false);
}
