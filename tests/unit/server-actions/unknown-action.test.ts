import { describe, expect, it } from "vitest";
import { unknownActionAnswer } from "@/lib/server-actions/unknown-action";

// The proxy's answer must be Next's own (status, body, x-nextjs-action-not-found), so the
// browser of a stale page throws UnrecognizedActionError exactly as it would without the proxy.
const KNOWN = "40".padEnd(42, "a");
const ids = new Set([KNOWN]);
const post = (action?: string) => new Headers(action === undefined ? {} : { "next-action": action });

describe("unknownActionAnswer", () => {
  it("answers an unknown id of the right shape with Next's 409", async () => {
    const answer = unknownActionAnswer("POST", post("7f".padEnd(42, "0")), ids);
    expect(answer?.status).toBe(409);
    expect(answer?.headers.get("x-nextjs-action-not-found")).toBe("1");
    expect(answer?.headers.get("content-type")).toBe("text/plain");
    expect(await answer?.text()).toBe("Server Action unavailable.");
  });

  it("answers an id that cannot be one with Next's 400", async () => {
    const answer = unknownActionAnswer("POST", post("nonsense"), ids);
    expect(answer?.status).toBe(400);
    expect(answer?.headers.get("x-nextjs-action-not-found")).toBe("1");
    expect(await answer?.text()).toBe("Invalid Server Action request.");
  });

  it("lets known actions, other requests and an unknown build through", () => {
    expect(unknownActionAnswer("POST", post(KNOWN), ids)).toBeNull();
    expect(unknownActionAnswer("POST", post(), ids)).toBeNull();
    expect(unknownActionAnswer("GET", post("7f".padEnd(42, "0")), ids)).toBeNull();
    expect(unknownActionAnswer("POST", post("7f".padEnd(42, "0")), null)).toBeNull();
  });
});
