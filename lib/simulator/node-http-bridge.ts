import type { IncomingMessage, ServerResponse } from "node:http";
import { Readable } from "node:stream";
import { isDroppedConnection } from "./responses";

/** Builds a web Request from a node:http request; its signal fires if the client goes away. */
export function toWebRequest(req: IncomingMessage, res: ServerResponse, origin: string): Request {
  const controller = new AbortController();
  res.once("close", () => {
    if (!res.writableFinished) controller.abort();
  });
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (Array.isArray(value)) for (const v of value) headers.append(name, v);
    else if (value !== undefined) headers.set(name, value);
  }
  const method = req.method ?? "GET";
  const hasBody = method !== "GET" && method !== "HEAD";
  const init: RequestInit & { duplex?: "half" } = { method, headers, signal: controller.signal };
  if (hasBody) {
    init.body = Readable.toWeb(req) as unknown as ReadableStream<Uint8Array>;
    init.duplex = "half";
  }
  return new Request(new URL(req.url ?? "/", origin), init);
}

/**
 * Writes a web Response to a node:http response. A simulated drop destroys the socket before
 * anything is written; a body stream that fails mid-way destroys it after the bytes sent so far,
 * so the client sees a cut connection rather than a clean end.
 */
export async function sendWebResponse(response: Response, req: IncomingMessage, res: ServerResponse): Promise<void> {
  if (isDroppedConnection(response)) {
    await response.body?.cancel().catch(() => undefined);
    req.socket.destroy();
    return;
  }
  const headers: Record<string, string> = {};
  response.headers.forEach((value, name) => {
    headers[name] = value;
  });
  res.writeHead(response.status, headers);
  if (!response.body || req.method === "HEAD") {
    res.end();
    return;
  }
  const reader = response.body.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      await new Promise<void>((resolve, reject) => res.write(value, (error) => (error ? reject(error) : resolve())));
    }
    res.end();
  } catch {
    res.destroy();
  }
}
