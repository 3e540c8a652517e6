import { createHmac, timingSafeEqual } from "node:crypto";
import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";

// A local HTTP receiver on 127.0.0.1 for webhook tests: it records every request and answers
// with the statuses it is told (then 200). The signature checks below are written from the
// schemes' own descriptions, not with the studio's code, as a receiver would write them.

export type Received = { path: string; query: URLSearchParams; headers: IncomingHttpHeaders; body: string; at: number };

export async function startReceiver() {
  const received: Received[] = [];
  const answers = new Map<string, number[]>();
  let answerBody: string | null = null;
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const url = new URL(req.url ?? "/", "http://127.0.0.1");
      received.push({
        path: url.pathname,
        query: url.searchParams,
        headers: req.headers,
        body: Buffer.concat(chunks).toString("utf8"),
        at: Date.now(),
      });
      const status = answers.get(url.pathname)?.shift() ?? 200;
      res.writeHead(status, { "content-type": "application/json" });
      res.end(answerBody ?? (status < 300 ? '{"errcode":0,"code":0}' : '{"error":"down"}'));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: (path = "/hook") => `http://127.0.0.1:${port}${path}`,
    received,
    /** The next answers' statuses at one path, in order; 200 once they run out. */
    answerWith: (path: string, ...statuses: number[]) => answers.set(path, statuses),
    /** Every answer's body from now on (a chat tool's error in a 200). */
    answerBody: (body: string | null) => {
      answerBody = body;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

const header = (h: IncomingHttpHeaders, name: string) => String(h[name] ?? "");

/** Standard Webhooks, as in https://www.standardwebhooks.com: v1 = base64 HMAC-SHA256 of "id.ts.body". */
export function standardWebhookValid(secret: string, r: Received, toleranceSeconds = 300): boolean {
  const id = header(r.headers, "webhook-id");
  const timestamp = header(r.headers, "webhook-timestamp");
  const signatures = header(r.headers, "webhook-signature");
  if (!id || !timestamp || !signatures) return false;
  if (Math.abs(Date.now() / 1000 - Number(timestamp)) > toleranceSeconds) return false;
  const key = Buffer.from(secret.replace(/^whsec_/, ""), "base64");
  const expected = createHmac("sha256", key).update(`${id}.${timestamp}.${r.body}`).digest();
  return signatures.split(" ").some((part) => {
    const [version, sig] = part.split(",");
    const given = Buffer.from(sig ?? "", "base64");
    return version === "v1" && given.length === expected.length && timingSafeEqual(given, expected);
  });
}

/** DingTalk robot: sign = base64(HMAC-SHA256(key = secret, "timestamp\nsecret")), timestamp in ms. */
export function dingtalkValid(secret: string, r: Received): boolean {
  const timestamp = r.query.get("timestamp") ?? "";
  const sign = r.query.get("sign") ?? "";
  const expected = createHmac("sha256", secret).update(`${timestamp}\n${secret}`).digest("base64");
  return sign === expected && Math.abs(Date.now() - Number(timestamp)) < 3_600_000;
}

/** Feishu/Lark bot: sign = base64(HMAC-SHA256(key = "timestamp\nsecret", "")), timestamp in seconds. */
export function feishuValid(secret: string, r: Received): boolean {
  const body = JSON.parse(r.body) as { timestamp?: string; sign?: string };
  const expected = createHmac("sha256", `${body.timestamp}\n${secret}`).update("").digest("base64");
  return body.sign === expected && Math.abs(Date.now() / 1000 - Number(body.timestamp)) < 3600;
}
