import { describe, expect, it } from "vitest";
import { decode, encode } from "next-auth/jwt";
import { cachedDecode, cachedEncode } from "@/lib/auth/session-token-cache";

// The session cookie's crypto is remembered per cookie (issue 11: ~1.5–3 ms per request). What
// must still hold: only the exact cookie, salt and secret give a payload; callers get copies.

const secret = "s".repeat(48);
const salt = "authjs.session-token";

describe("session token cache", () => {
  it("decodes a real cookie, again from memory, as independent copies", async () => {
    const token = await encode({ token: { sub: "user-1", name: "Ann" }, secret, salt });
    const first = await cachedDecode({ token, secret, salt });
    expect(first).toMatchObject({ sub: "user-1", name: "Ann" });
    first!.sub = "someone-else";
    const second = await cachedDecode({ token, secret, salt });
    expect(second).toMatchObject({ sub: "user-1", name: "Ann" });
  });

  it("refuses what Auth.js refuses: another secret, another salt, a changed cookie, none", async () => {
    const token = await encode({ token: { sub: "user-2" }, secret, salt });
    expect(await cachedDecode({ token, secret, salt })).toMatchObject({ sub: "user-2" });
    await expect(cachedDecode({ token, secret: "t".repeat(48), salt })).rejects.toThrow();
    await expect(cachedDecode({ token, secret, salt: "other-cookie" })).rejects.toThrow();
    const flipped = token.slice(0, -3) + (token.endsWith("AAA") ? "BBB" : "AAA");
    await expect(cachedDecode({ token: flipped, secret, salt })).rejects.toThrow();
    expect(await cachedDecode({ token: undefined, secret, salt })).toBeNull();
  });

  it("re-encodes the same payload to the same cookie for a while; another payload gets its own", async () => {
    const payload = { sub: "user-3", iat: 1, jti: "a" };
    const a = await cachedEncode({ token: payload, secret, salt });
    const b = await cachedEncode({ token: { ...payload }, secret, salt });
    const c = await cachedEncode({ token: { ...payload, jti: "b" }, secret, salt });
    expect(b).toBe(a);
    expect(c).not.toBe(a);
    expect(await decode({ token: a, secret, salt })).toMatchObject({ sub: "user-3" });
    expect(await decode({ token: c, secret, salt })).toMatchObject({ sub: "user-3", jti: expect.any(String) });
  });
});
