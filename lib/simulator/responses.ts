import type { SimulatorHttpError } from "./errors";

export function jsonResponse(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  const bytes = new TextEncoder().encode(JSON.stringify(body));
  return new Response(bytes, {
    status,
    headers: { "content-type": "application/json", "content-length": String(bytes.byteLength), ...headers },
  });
}

export function errorResponse(error: SimulatorHttpError): Response {
  return jsonResponse(error.status, error.toBody(), error.headers);
}

const dropped = new WeakSet<Response>();

/**
 * A connection that breaks before any answer. The standalone server sees the mark and destroys
 * the socket without writing a byte; a host that can only stream Responses (Next.js) sends the
 * headers and then fails the body, the closest it can get.
 */
export function droppedConnection(): Response {
  const response = new Response(
    new ReadableStream<Uint8Array>({
      pull(controller) {
        controller.error(new Error("simulated dropped connection"));
      },
    }),
    { status: 200, headers: { "content-type": "application/json" } },
  );
  dropped.add(response);
  return response;
}

export function isDroppedConnection(response: Response): boolean {
  return dropped.has(response);
}

/**
 * Keeps the status and the full Content-Length but sends only the first half of the body, then
 * fails the stream so the connection ends early, as a cut download looks to a client.
 */
export async function truncateResponse(response: Response): Promise<Response> {
  const bytes = new Uint8Array(await response.arrayBuffer());
  const half = bytes.subarray(0, Math.floor(bytes.byteLength / 2));
  let sent = false;
  const body = new ReadableStream<Uint8Array>({
    // One chunk per pull: erroring in the same pull would discard the queued half.
    pull(controller) {
      if (!sent && half.byteLength > 0) {
        sent = true;
        controller.enqueue(half);
      } else {
        controller.error(new Error("simulated truncated body"));
      }
    },
  });
  const headers = new Headers(response.headers);
  headers.set("content-length", String(bytes.byteLength));
  return new Response(body, { status: response.status, headers });
}
