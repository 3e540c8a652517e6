import { readFile } from "node:fs/promises";
import path from "node:path";
import { expect, test } from "./fixtures";

// The built studio (`next start`, NODE_ENV=production) with no session: its embedded simulator
// answers only the studio's own key, generated into the data folder (docs/decisions/014).

const api = "/api/simulator/v1";
const someId = `video_${"0".repeat(48)}`;

test("the embedded simulator refuses every key but the studio's own", async ({ request }) => {
  const callers: Record<string, string>[] = [
    {},
    { authorization: "Bearer sk-anything" },
    { authorization: "Bearer sk-sora-studio-simulator" },
  ];
  for (const headers of callers) {
    const answers = [
      await request.get(`${api}/videos?limit=100`, { headers }),
      await request.get(`${api}/videos/${someId}`, { headers }),
      await request.get(`${api}/videos/${someId}/content`, { headers }),
      await request.delete(`${api}/videos/${someId}`, { headers }),
      await request.post(`${api}/videos`, { headers, data: { prompt: "free ride" } }),
    ];
    for (const answer of answers) {
      expect(answer.status()).toBe(401);
      expect(await answer.json()).toEqual({
        error: { message: expect.any(String), type: "invalid_request_error", param: null, code: "invalid_api_key" },
      });
    }
  }
  // The studio's key was generated on first use, in production too, and is the one that works.
  const key = (await readFile(path.resolve(process.env.E2E_DATA_DIR ?? ".data/e2e", "simulator-key"), "utf8")).trim();
  expect(key.length).toBeGreaterThanOrEqual(32);
  const own = await request.get(`${api}/videos?limit=100`, { headers: { authorization: `Bearer ${key}` } });
  expect(own.status()).toBe(200);
  expect(await own.json()).toMatchObject({ object: "list" });
});
